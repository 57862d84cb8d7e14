package io.wakestream.ftm.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wakestream.ftm.core.Stage;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class StoreSerdesTest {

    @Test
    void aPendingDetectionSurvivesTheChangelogFormatWithAndWithoutEachStage() {
        Serde<PendingDetection> serde = StoreSerdes.pending();
        PendingDetection partial = PendingDetection.first("stream-1", 1234L)
                .with(new StageRecord(Stage.FTM, "d1", StageEvents.lattice("d1")), 99L);
        PendingDetection full = partial
                .with(new StageRecord(Stage.WAKEWORD, "d1", StageEvents.detection("d1", "stream-1")), 10L)
                .with(new StageRecord(Stage.KWS, "d1", StageEvents.verification("d1", 0.7f)), 50L);
        for (PendingDetection value : new PendingDetection[] {PendingDetection.first("s", 1L), partial, full}) {
            assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", value))).isEqualTo(value);
        }
        assertThat(full.complete()).isTrue();
        assertThat(partial.present()).containsExactly(Stage.FTM);
        assertThat(full.timestamp(Stage.KWS)).isEqualTo(50L);
    }

    @Test
    void aDecidedDetectionKeepsItsTimeAndPresentStages() {
        Serde<DecidedDetection> serde = StoreSerdes.decided();
        for (Set<Stage> present : List.of(EnumSet.noneOf(Stage.class), EnumSet.of(Stage.WAKEWORD, Stage.FTM),
                EnumSet.allOf(Stage.class))) {
            DecidedDetection value = new DecidedDetection(1_700_000_000_123L, present);
            assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", value))).isEqualTo(value);
        }
    }

    @Test
    void anUnknownFormatVersionIsRefusedNotMisread() {
        byte[] bytes = StoreSerdes.decided().serializer().serialize("t", new DecidedDetection(1L, EnumSet.of(Stage.KWS)));
        bytes[0] = 2;
        assertThatThrownBy(() -> StoreSerdes.decided().deserializer().deserialize("t", bytes))
                .isInstanceOf(SerializationException.class).hasMessageContaining("format 2");
    }
}
