package io.wakestream.common.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/**
 * The Kafka factories every service declares as beans in place of Boot's own, built the same way in each: from
 * the {@code spring.kafka.*} properties, with the Kafka clients' metrics that Boot would bind to factories of its
 * own, protobuf values, and the listener error handler. Each service keeps only the beans, with its value type.
 */
public final class KafkaFactories {

    private KafkaFactories() {
    }

    /** The producer of a service's events and dead letters ({@link EventTemplates}), its client metrics bound. */
    public static DefaultKafkaProducerFactory<String, Object> producerFactory(KafkaProperties kafka,
                                                                              MeterRegistry meters) {
        DefaultKafkaProducerFactory<String, Object> factory =
                EventTemplates.producerFactory(kafka.buildProducerProperties());
        factory.addListener(new MicrometerProducerListener<>(meters));
        return factory;
    }

    /**
     * Consumers of one protobuf event type, keyed by stream id. Undecodable values reach the listener's error
     * handler, which dead-letters them, instead of failing every poll of the partition.
     */
    public static <V> DefaultKafkaConsumerFactory<String, V> consumerFactory(KafkaProperties kafka,
                                                                            Deserializer<V> values,
                                                                            MeterRegistry meters) {
        DefaultKafkaConsumerFactory<String, V> factory = new DefaultKafkaConsumerFactory<>(
                kafka.buildConsumerProperties(), new StringDeserializer(), new ErrorHandlingDeserializer<>(values));
        // Kafka client metrics, consumer lag among them, as Boot would add to a factory of its own.
        factory.addListener(new MicrometerConsumerListener<>(meters));
        return factory;
    }

    /**
     * The {@code @KafkaListener} container factory over those consumers: the {@code spring.kafka.listener.*}
     * settings applied by Boot's configurer, and the given error handler, e.g. {@link DeadLetterErrorHandlers}'s.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <V> ConcurrentKafkaListenerContainerFactory<String, V> listenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<String, V> consumers,
            CommonErrorHandler errorHandler) {
        ConcurrentKafkaListenerContainerFactory<String, V> factory = new ConcurrentKafkaListenerContainerFactory<>();
        // The configurer is typed for Boot's <Object, Object> factory; it only copies settings onto ours.
        configurer.configure((ConcurrentKafkaListenerContainerFactory) factory, (ConsumerFactory) consumers);
        factory.setCommonErrorHandler(errorHandler);
        return factory;
    }
}
