package io.wakestream.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wakestream.events.v1.WakewordDetection;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class ProtobufSerdeTest {

    @Test
    void roundTripsAnEvent() {
        WakewordDetection detection = WakewordDetection.newBuilder()
                .setDetectionId("d").setStreamId("s").setKeyword("hey jarvis").setScore(0.9f).setEndSample(24_320)
                .build();

        byte[] bytes = new ProtobufSerializer<WakewordDetection>().serialize("t", detection);

        assertThat(EventSerdes.detection().deserialize("t", bytes)).isEqualTo(detection);
    }

    @Test
    void undecodableBytesRaiseASerializationExceptionNamingTypeTopicAndSize() {
        byte[] truncatedVarint = {0x0a, (byte) 0xff, (byte) 0xff};

        assertThatThrownBy(() -> EventSerdes.audioChunk().deserialize("voice.audio.v1", truncatedVarint))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("AudioChunk")
                .hasMessageContaining("voice.audio.v1")
                .hasMessageContaining("3 bytes");
    }

    @Test
    void deadLetterReasonComesFromTheCauseChain() {
        Exception invalid = new RuntimeException(new InvalidRecordException("sample_rate", "sample_rate 8000"));

        assertThat(DeadLetterErrorHandlers.reason(invalid)).isEqualTo("sample_rate");
        assertThat(DeadLetterErrorHandlers.reason(new IllegalStateException("boom")))
                .isEqualTo(DeadLetterErrorHandlers.PROCESSING_FAILED);
    }
}
