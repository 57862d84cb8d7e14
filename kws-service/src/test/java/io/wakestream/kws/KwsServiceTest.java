package io.wakestream.kws;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * kws-service on an in-process KRaft broker with the test models ({@link TestModels}) and the API key
 * {@value #API_KEY}, CORS open to {@value #PAGE_ORIGIN}. Every class so annotated shares one application
 * context and broker.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + KwsServiceApplication.CONFIG_NAME,
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "wakestream.topics.partitions=2",
        "wakestream.models.provider=cpu",
        "wakestream.kws.model-version=" + TestModels.VERIFIER_VERSION,
        "wakestream.kws.api-keys=" + KwsServiceTest.API_KEY + ",second-key",
        "wakestream.kws.cors-origins=" + KwsServiceTest.PAGE_ORIGIN})
@EmbeddedKafka(partitions = 2)
public @interface KwsServiceTest {

    String API_KEY = "test-key";

    /** The origin of a web page (the ingest-gateway's) allowed to call the enrollment API. */
    String PAGE_ORIGIN = "http://localhost:8085";
}
