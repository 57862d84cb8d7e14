package io.wakestream.common.kafka;

import io.wakestream.events.v1.AudioChunk;
import io.wakestream.events.v1.KeywordEnrollment;
import io.wakestream.events.v1.KeywordVerification;
import io.wakestream.events.v1.Lattice;
import io.wakestream.events.v1.TriggerDecision;
import io.wakestream.events.v1.TriggerSegment;
import io.wakestream.events.v1.WakewordDetection;

/** Deserializers for every topic's value type (one serializer serves them all). */
public final class EventSerdes {

    private EventSerdes() {
    }

    public static ProtobufDeserializer<AudioChunk> audioChunk() {
        return new ProtobufDeserializer<>(AudioChunk.parser(), AudioChunk.class);
    }

    public static ProtobufDeserializer<WakewordDetection> detection() {
        return new ProtobufDeserializer<>(WakewordDetection.parser(), WakewordDetection.class);
    }

    public static ProtobufDeserializer<TriggerSegment> segment() {
        return new ProtobufDeserializer<>(TriggerSegment.parser(), TriggerSegment.class);
    }

    public static ProtobufDeserializer<KeywordVerification> verification() {
        return new ProtobufDeserializer<>(KeywordVerification.parser(), KeywordVerification.class);
    }

    public static ProtobufDeserializer<Lattice> lattice() {
        return new ProtobufDeserializer<>(Lattice.parser(), Lattice.class);
    }

    public static ProtobufDeserializer<TriggerDecision> decision() {
        return new ProtobufDeserializer<>(TriggerDecision.parser(), TriggerDecision.class);
    }

    public static ProtobufDeserializer<KeywordEnrollment> keywordEnrollment() {
        return new ProtobufDeserializer<>(KeywordEnrollment.parser(), KeywordEnrollment.class);
    }
}
