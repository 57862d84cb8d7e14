package io.wakestream.wakeword.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.wakestream.common.enrollment.EnrollmentFollower;
import io.wakestream.common.enrollment.EnrollmentRegistry;
import io.wakestream.common.enrollment.EnrollmentsHealthIndicator;
import io.wakestream.common.kafka.DeadLetterErrorHandlers;
import io.wakestream.common.kafka.EventProducerConfiguration;
import io.wakestream.common.kafka.EventSerdes;
import io.wakestream.common.kafka.KafkaFactories;
import io.wakestream.common.kafka.KafkaHealthConfiguration;
import io.wakestream.common.kafka.TopicsProperties;
import io.wakestream.events.v1.AudioChunk;
import io.wakestream.wakeword.kafka.AudioChunkListener;
import io.wakestream.wakeword.kafka.StreamOwnership;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * Protobuf serdes, the dead-letter error handler and partition-owned stream state for the audio listener, and the
 * enrollment topic's follower, which starts the audio listener once it has read every stream's phrase; the
 * producer and the readiness check come from common's configurations.
 */
@Configuration(proxyBeanMethods = false)
@Import({EventProducerConfiguration.class, KafkaHealthConfiguration.class})
public class KafkaConfiguration {

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

    /** Every stream's enrolled phrase, read before the audio listener starts, then followed. */
    @Bean
    EnrollmentFollower enrollmentFollower(KafkaProperties kafka, TopicsProperties topics, EnrollmentRegistry registry,
                                          KafkaListenerEndpointRegistry listeners, MeterRegistry meters) {
        return new EnrollmentFollower(kafka, topics, registry, listeners, AudioChunkListener.ID, "wakeword-enrollments", meters);
    }

    @Bean("enrollments")
    EnrollmentsHealthIndicator enrollmentsHealthIndicator(EnrollmentFollower follower, EnrollmentRegistry registry) {
        return new EnrollmentsHealthIndicator(follower, registry);
    }
}
