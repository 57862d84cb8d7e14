package io.wakestream.common.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.wakestream.events.v1.SegmentEndReason;
import io.wakestream.events.v1.TriggerSegment;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    @Test
    void audioIsShownAsItsSizeAndOtherFieldsByTheirProtoNames() {
        TriggerSegment segment = TriggerSegment.newBuilder()
                .setDetectionId("d-1").setStreamId("s-1").setPcm(ByteString.copyFrom(new byte[640]))
                .setTriggerEndSample(16_000).setEndReason(SegmentEndReason.END_OF_SPEECH).build();

        String json = EventJson.toJson(segment);

        assertThat(json).doesNotContain("\n")
                .contains("\"pcm_bytes\":640", "\"detection_id\":\"d-1\"", "\"end_reason\":\"END_OF_SPEECH\"",
                        "\"first_sample\":\"0\"")
                .doesNotContain("\"pcm\":");
    }
}
