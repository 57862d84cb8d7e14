package io.wakestream.asr;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * asr-lattice-service on an in-process KRaft broker with the bundled models ({@code ../models}) and segments
 * cut at {@value #MAX_SEGMENT_SAMPLES} samples. Every class so annotated shares one application context and broker.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + AsrLatticeServiceApplication.CONFIG_NAME,
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "wakestream.topics.partitions=2",
        "wakestream.models.dir=../models",
        "wakestream.models.provider=cpu",
        "wakestream.asr.max-segment-samples=" + AsrServiceTest.MAX_SEGMENT_SAMPLES})
@EmbeddedKafka(partitions = 2)
public @interface AsrServiceTest {

    /** 5 s: the bundled samples are shorter (4.1-4.7 s), the tests' long segment longer. */
    int MAX_SEGMENT_SAMPLES = 80_000;
}
