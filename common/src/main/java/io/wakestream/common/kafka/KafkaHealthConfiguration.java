package io.wakestream.common.kafka;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The {@code kafka} health component ({@link KafkaHealthIndicator}), which every service's readiness group includes. */
@Configuration(proxyBeanMethods = false)
public class KafkaHealthConfiguration {

    @Bean("kafka")
    public KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        return new KafkaHealthIndicator(admin);
    }
}
