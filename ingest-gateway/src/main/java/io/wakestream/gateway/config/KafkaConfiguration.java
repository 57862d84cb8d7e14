package io.wakestream.gateway.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.wakestream.common.kafka.EventProducerConfiguration;
import io.wakestream.common.kafka.EventSerdes;
import io.wakestream.common.kafka.KafkaFactories;
import io.wakestream.common.kafka.KafkaHealthConfiguration;
import io.wakestream.events.v1.TriggerDecision;
import io.wakestream.events.v1.WakewordDetection;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.CommonLoggingErrorHandler;

/**
 * Consumers of detections and decisions (the idempotent producer of the audio and the readiness check come from
 * common's configurations). A result record that cannot be
 * decoded is logged and skipped, not dead-lettered: the gateway only relays results, the services that own those
 * topics dead-letter their bad records.
 */
@Configuration(proxyBeanMethods = false)
@Import({EventProducerConfiguration.class, KafkaHealthConfiguration.class})
public class KafkaConfiguration {

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
}
