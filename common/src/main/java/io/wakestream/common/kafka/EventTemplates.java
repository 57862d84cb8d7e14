package io.wakestream.common.kafka;

import com.google.protobuf.MessageLite;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;

/**
 * One producer for a service's events and its dead letters: protobuf events are written as their
 * wire form, undecodable records' original bytes as they came.
 */
public final class EventTemplates {

    private EventTemplates() {
    }

    /** The producer factory; register it as a bean so that its producer is closed with the context. */
    public static DefaultKafkaProducerFactory<String, Object> producerFactory(Map<String, Object> producerProperties) {
        Map<Class<?>, Serializer<?>> byType = new LinkedHashMap<>();
        byType.put(byte[].class, new ByteArraySerializer());
        byType.put(MessageLite.class, new ProtobufSerializer<>());
        return new DefaultKafkaProducerFactory<>(
                producerProperties, new StringSerializer(), new DelegatingByTypeSerializer(byType, true));
    }
}
