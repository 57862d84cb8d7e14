package io.wakestream.common.kafka;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Parses one protobuf event type. Undecodable bytes raise a {@link SerializationException}; wrapped in
 * spring-kafka's {@code ErrorHandlingDeserializer} that becomes a dead-letter record, not a crash loop.
 */
public final class ProtobufDeserializer<T extends MessageLite> implements Deserializer<T> {

    private final Parser<T> parser;
    private final String typeName;

    public ProtobufDeserializer(Parser<T> parser, Class<T> type) {
        this.parser = parser;
        this.typeName = type.getSimpleName();
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return parser.parseFrom(data);
        } catch (InvalidProtocolBufferException e) {
            throw new SerializationException(
                    "undecodable " + typeName + " on " + topic + " (" + data.length + " bytes): " + e.getMessage(), e);
        }
    }
}
