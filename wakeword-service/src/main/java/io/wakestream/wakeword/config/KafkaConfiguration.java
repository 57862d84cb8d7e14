package io.wakestream.wakeword.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.wakestream.common.kafka.DeadLetterErrorHandlers;
import io.wakestream.common.kafka.EventSerdes;
import io.wakestream.common.kafka.KafkaFactories;
import io.wakestream.common.kafka.KafkaHealthIndicator;
import io.wakestream.common.kafka.TopicsProperties;
import io.wakestream.events.v1.AudioChunk;
import io.wakestream.wakeword.kafka.StreamOwnership;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * Protobuf serdes, the dead-letter error handler and partition-owned stream state for the audio listener; the
 * cluster's readiness check.
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
    ConsumerFactory<String, AudioChunk> audioConsumerFactory(KafkaProperties kafka, MeterRegistry meters) {
        return KafkaFactories.consumerFactory(kafka, EventSerdes.audioChunk(), meters);
    }

    @Bean
    DefaultErrorHandler deadLetterErrorHandler(KafkaTemplate<String, Object> eventTemplate, TopicsProperties topics,
                                               WakewordMetrics metrics) {
        return DeadLetterErrorHandlers.create(eventTemplate, topics, metrics);
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, AudioChunk> kafkaListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            ConsumerFactory<String, AudioChunk> audioConsumerFactory, DefaultErrorHandler deadLetterErrorHandler,
            StreamOwnership ownership) {
        ConcurrentKafkaListenerContainerFactory<String, AudioChunk> factory =
                KafkaFactories.listenerContainerFactory(configurer, audioConsumerFactory, deadLetterErrorHandler);
        factory.getContainerProperties().setConsumerRebalanceListener(ownership);
        return factory;
    }

    /** The {@code kafka} health component, which the readiness group includes. */
    @Bean("kafka")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        return new KafkaHealthIndicator(admin);
    }
}
