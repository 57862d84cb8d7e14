package io.wakestream.asr.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.wakestream.common.kafka.DeadLetterErrorHandlers;
import io.wakestream.common.kafka.EventSerdes;
import io.wakestream.common.kafka.EventTemplates;
import io.wakestream.common.kafka.TopicsProperties;
import io.wakestream.events.v1.TriggerSegment;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/** Protobuf serdes and the dead-letter error handler for the segment listener; one producer for everything sent. */
@Configuration(proxyBeanMethods = false)
public class KafkaConfiguration {

    @Bean
    ProducerFactory<String, Object> eventProducerFactory(KafkaProperties kafka, MeterRegistry meters) {
        DefaultKafkaProducerFactory<String, Object> factory =
                EventTemplates.producerFactory(kafka.buildProducerProperties());
        factory.addListener(new MicrometerProducerListener<>(meters));
        return factory;
    }

    @Bean
    KafkaTemplate<String, Object> eventTemplate(ProducerFactory<String, Object> eventProducerFactory) {
        return new KafkaTemplate<>(eventProducerFactory);
    }

    @Bean
    ConsumerFactory<String, TriggerSegment> segmentConsumerFactory(KafkaProperties kafka, MeterRegistry meters) {
        DefaultKafkaConsumerFactory<String, TriggerSegment> factory = new DefaultKafkaConsumerFactory<>(
                kafka.buildConsumerProperties(), new StringDeserializer(),
                new ErrorHandlingDeserializer<>(EventSerdes.segment()));
        // Kafka client metrics, consumer lag among them.
        factory.addListener(new MicrometerConsumerListener<>(meters));
        return factory;
    }

    @Bean
    DefaultErrorHandler deadLetterErrorHandler(KafkaTemplate<String, Object> eventTemplate, TopicsProperties topics,
                                               AsrMetrics metrics) {
        return DeadLetterErrorHandlers.create(eventTemplate, topics, metrics);
    }

    @Bean
    @SuppressWarnings({"unchecked", "rawtypes"})
    ConcurrentKafkaListenerContainerFactory<String, TriggerSegment> kafkaListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            ConsumerFactory<String, TriggerSegment> segmentConsumerFactory,
            DefaultErrorHandler deadLetterErrorHandler) {
        ConcurrentKafkaListenerContainerFactory<String, TriggerSegment> factory =
                new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure((ConcurrentKafkaListenerContainerFactory) factory, (ConsumerFactory) segmentConsumerFactory);
        factory.setCommonErrorHandler(deadLetterErrorHandler);
        return factory;
    }
}
