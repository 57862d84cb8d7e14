package io.wakestream.asr.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.wakestream.common.kafka.DeadLetterErrorHandlers;
import io.wakestream.common.kafka.EventProducerConfiguration;
import io.wakestream.common.kafka.EventSerdes;
import io.wakestream.common.kafka.KafkaFactories;
import io.wakestream.common.kafka.KafkaHealthConfiguration;
import io.wakestream.common.kafka.TopicsProperties;
import io.wakestream.events.v1.TriggerSegment;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * Protobuf serdes and the dead-letter error handler for the segment listener; the producer and the readiness check
 * come from common's configurations.
 */
@Configuration(proxyBeanMethods = false)
@Import({EventProducerConfiguration.class, KafkaHealthConfiguration.class})
public class KafkaConfiguration {

    @Bean
    ConsumerFactory<String, TriggerSegment> segmentConsumerFactory(KafkaProperties kafka, MeterRegistry meters) {
        return KafkaFactories.consumerFactory(kafka, EventSerdes.segment(), meters);
    }

    @Bean
    DefaultErrorHandler deadLetterErrorHandler(KafkaTemplate<String, Object> eventTemplate, TopicsProperties topics,
                                               AsrMetrics metrics) {
        return DeadLetterErrorHandlers.create(eventTemplate, topics, metrics);
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, TriggerSegment> kafkaListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            ConsumerFactory<String, TriggerSegment> segmentConsumerFactory,
            DefaultErrorHandler deadLetterErrorHandler) {
        return KafkaFactories.listenerContainerFactory(configurer, segmentConsumerFactory, deadLetterErrorHandler);
    }
}
