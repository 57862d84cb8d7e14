package io.wakestream.gateway.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.wakestream.common.kafka.EventSerdes;
import io.wakestream.common.kafka.KafkaFactories;
import io.wakestream.common.kafka.KafkaHealthIndicator;
import io.wakestream.events.v1.TriggerDecision;
import io.wakestream.events.v1.WakewordDetection;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonLoggingErrorHandler;

/**
 * One idempotent producer for the audio; consumers of detections and decisions. A result record that cannot be
 * decoded is logged and skipped, not dead-lettered: the gateway only relays results, the services that own those
 * topics dead-letter their bad records.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConfiguration {

    @Bean
    ProducerFactory<String, Object> eventProducerFactory(KafkaProperties kafka, MeterRegistry meters) {
        return KafkaFactories.producerFactory(kafka, meters);
    }

    @Bean
    KafkaTemplate<String, Object> eventTemplate(ProducerFactory<String, Object> eventProducerFactory) {
        return new KafkaTemplate<>(eventProducerFactory);
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, WakewordDetection> detectionListenerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, KafkaProperties kafka, MeterRegistry meters) {
        return KafkaFactories.listenerContainerFactory(configurer,
                KafkaFactories.consumerFactory(kafka, EventSerdes.detection(), meters), new CommonLoggingErrorHandler());
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, TriggerDecision> decisionListenerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, KafkaProperties kafka, MeterRegistry meters) {
        return KafkaFactories.listenerContainerFactory(configurer,
                KafkaFactories.consumerFactory(kafka, EventSerdes.decision(), meters), new CommonLoggingErrorHandler());
    }

    /** The {@code kafka} health component, which the readiness group includes. */
    @Bean("kafka")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        return new KafkaHealthIndicator(admin);
    }
}
