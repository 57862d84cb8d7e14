package io.wakestream.kws.config;

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
import io.wakestream.events.v1.WakewordDetection;
import io.wakestream.kws.kafka.DetectionListener;
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
 * Protobuf serdes and the dead-letter error handler for the detection listener; the producer and the readiness
 * check come from common's configurations.
 */
@Configuration(proxyBeanMethods = false)
@Import({EventProducerConfiguration.class, KafkaHealthConfiguration.class})
public class KafkaConfiguration {

    @Bean
    ConsumerFactory<String, WakewordDetection> detectionConsumerFactory(KafkaProperties kafka, MeterRegistry meters) {
        return KafkaFactories.consumerFactory(kafka, EventSerdes.detection(), meters);
    }

    @Bean
    DefaultErrorHandler deadLetterErrorHandler(KafkaTemplate<String, Object> eventTemplate, TopicsProperties topics,
                                               KwsMetrics metrics) {
        return DeadLetterErrorHandlers.create(eventTemplate, topics, metrics);
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, WakewordDetection> kafkaListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            ConsumerFactory<String, WakewordDetection> detectionConsumerFactory,
            DefaultErrorHandler deadLetterErrorHandler) {
        return KafkaFactories.listenerContainerFactory(configurer, detectionConsumerFactory, deadLetterErrorHandler);
    }

    /** Every stream's phrase, read before the detection listener starts. */
    @Bean
    EnrollmentFollower enrollmentFollower(KafkaProperties kafka, TopicsProperties topics, EnrollmentRegistry registry,
                                          KafkaListenerEndpointRegistry listeners, MeterRegistry meters) {
        return new EnrollmentFollower(kafka, topics, registry, listeners, DetectionListener.ID, "kws-enrollments", meters);
    }

    @Bean("enrollments")
    EnrollmentsHealthIndicator enrollmentsHealthIndicator(EnrollmentFollower follower, EnrollmentRegistry registry) {
        return new EnrollmentsHealthIndicator(follower, registry);
    }
}
