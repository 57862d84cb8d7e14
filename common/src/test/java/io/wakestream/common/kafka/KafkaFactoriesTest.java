package io.wakestream.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wakestream.events.v1.AudioChunk;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/** The factories carry Boot's {@code spring.kafka.*} settings, the client metrics and the dead-letter plumbing. */
class KafkaFactoriesTest {

    @Test
    void theProducerTakesTheProducerPropertiesAndBindsClientMetrics() {
        KafkaProperties kafka = new KafkaProperties();
        kafka.getProducer().setAcks("all");

        DefaultKafkaProducerFactory<String, Object> factory =
                KafkaFactories.producerFactory(kafka, new SimpleMeterRegistry());

        assertThat(factory.getConfigurationProperties()).containsEntry(ProducerConfig.ACKS_CONFIG, "all");
        assertThat(factory.getListeners()).singleElement().isInstanceOf(MicrometerProducerListener.class);
    }

    @Test
    void consumersTakeTheConsumerPropertiesHandOnUndecodableValuesAndBindClientMetrics() {
        KafkaProperties kafka = new KafkaProperties();
        kafka.getConsumer().setGroupId("wakeword-service");

        DefaultKafkaConsumerFactory<String, AudioChunk> factory =
                KafkaFactories.consumerFactory(kafka, EventSerdes.audioChunk(), new SimpleMeterRegistry());

        assertThat(factory.getConfigurationProperties()).containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "wakeword-service");
        assertThat(factory.getValueDeserializer()).isInstanceOf(ErrorHandlingDeserializer.class);
        assertThat(factory.getListeners()).singleElement().isInstanceOf(MicrometerConsumerListener.class);
    }

    @Test
    void theListenerContainerFactoryTakesTheListenerPropertiesTheConsumersAndTheErrorHandler() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class))
                .withPropertyValues("spring.kafka.listener.concurrency=3")
                .run(context -> {
                    DefaultKafkaConsumerFactory<String, AudioChunk> consumers = KafkaFactories.consumerFactory(
                            context.getBean(KafkaProperties.class), EventSerdes.audioChunk(), new SimpleMeterRegistry());
                    DefaultErrorHandler errorHandler = new DefaultErrorHandler();

                    ConcurrentKafkaListenerContainerFactory<String, AudioChunk> factory =
                            KafkaFactories.listenerContainerFactory(
                                    context.getBean(ConcurrentKafkaListenerContainerFactoryConfigurer.class),
                                    consumers, errorHandler);

                    assertThat(factory.getConsumerFactory()).isSameAs(consumers);
                    assertThat(factory.createContainer("voice.audio.v1").getConcurrency()).isEqualTo(3);
                    assertThat(factory.createContainer("voice.audio.v1").getCommonErrorHandler()).isSameAs(errorHandler);
                });
    }
}
