package io.wakestream.gateway;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The gateway on an in-process KRaft broker, its HTTP port and Wyoming port free ones, the token {@value #TOKEN},
 * pacing loose enough for tests to send a few seconds of audio at once. Every class so annotated shares one
 * application context and broker.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = IngestGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.config.name=" + IngestGatewayApplication.CONFIG_NAME,
                "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
                "wakestream.topics.partitions=2",
                "wakestream.gateway.tokens=" + GatewayTest.TOKEN,
                "wakestream.gateway.wyoming.port=0",
                "wakestream.gateway.max-speed=20",
                "wakestream.gateway.burst=10s"})
@EmbeddedKafka(partitions = 2)
public @interface GatewayTest {

    String TOKEN = "test-token";
}
