package io.wakestream.common.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * The one producer a service sends its events and dead letters with ({@link KafkaFactories#producerFactory}) and
 * the template over it ({@code eventTemplate}). Services that produce {@code @Import} it.
 */
@Configuration(proxyBeanMethods = false)
public class EventProducerConfiguration {

    @Bean
    public ProducerFactory<String, Object> eventProducerFactory(KafkaProperties kafka, MeterRegistry meters) {
        return KafkaFactories.producerFactory(kafka, meters);
    }

    @Bean
    public KafkaTemplate<String, Object> eventTemplate(ProducerFactory<String, Object> eventProducerFactory) {
        return new KafkaTemplate<>(eventProducerFactory);
    }
}
