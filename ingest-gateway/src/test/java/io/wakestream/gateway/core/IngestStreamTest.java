package io.wakestream.gateway.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wakestream.common.audio.Pcm16;
import io.wakestream.events.v1.AudioChunk;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestStreamTest {

    @Test
    void chunksAreNumberedContiguousAndOnlyTheLastSaysEndOfStream() {
        IngestStream stream = new IngestStream("s-1", new ClientFormat(16_000, 1, SampleFormat.S16LE), 1600);
        List<AudioChunk> chunks = new ArrayList<>();
        chunks.addAll(stream.accept(s16(new short[2500]), 7));
        chunks.addAll(stream.accept(s16(new short[1000]), 8));
        chunks.addAll(stream.finish(9));

        assertThat(chunks).extracting(AudioChunk::getSeq).containsExactly(0L, 1L, 2L);
        assertThat(chunks).extracting(AudioChunk::getFirstSample).containsExactly(0L, 1600L, 3200L);
        assertThat(chunks).extracting(c -> c.getPcm().size()).containsExactly(3200, 3200, 600);
        assertThat(chunks).extracting(AudioChunk::getEndOfStream).containsExactly(false, false, true);
        assertThat(chunks).allSatisfy(c -> {
            assertThat(c.getStreamId()).isEqualTo("s-1");
            assertThat(c.getSampleRate()).isEqualTo(16_000);
        });
        assertThat(stream.finish(10)).isEmpty();
    }

    @Test
    void stereoFloatIsMixedToMonoAndNonFiniteSamplesAreTamed() {
        IngestStream stream = new IngestStream("s-2", new ClientFormat(16_000, 2, SampleFormat.F32LE), 4);
        ByteBuffer pcm = ByteBuffer.allocate(4 * 2 * 4).order(ByteOrder.LITTLE_ENDIAN);
        pcm.putFloat(0.5f).putFloat(0.25f);
        pcm.putFloat(Float.NaN).putFloat(0.5f);
        pcm.putFloat(Float.POSITIVE_INFINITY).putFloat(1f);
        pcm.putFloat(-1f).putFloat(0f);

        float[] mono = Pcm16.toFloats(stream.accept(pcm.array(), 0).getFirst().getPcm());

        assertThat(mono).containsExactly(Pcm16.toFloat(Pcm16.toShort(0.375f)), Pcm16.toFloat(Pcm16.toShort(0.25f)),
                Pcm16.toFloat(Pcm16.toShort(1f)), -0.5f);
    }

    @Test
    void audioThatIsNotWholeFramesIsRefusedAndTheStreamCanStillEnd() {
        IngestStream stream = new IngestStream("s-3", new ClientFormat(16_000, 1, SampleFormat.S16LE), 1600);
        stream.accept(s16(new short[100]), 0);

        assertThatThrownBy(() -> stream.accept(new byte[3], 0)).isInstanceOf(RejectedException.class)
                .hasMessage("3 bytes of audio are not whole frames of 2 bytes (1 channel(s) of s16le)")
                .extracting(e -> ((RejectedException) e).reason()).isEqualTo(RejectReason.BAD_AUDIO);
        List<AudioChunk> end = stream.finish(0);
        assertThat(end).singleElement().satisfies(c -> {
            assertThat(c.getEndOfStream()).isTrue();
            assertThat(c.getPcm().size()).isEqualTo(200);
        });
    }

    @Test
    void fortyEightKilohertzBecomesSixteen() {
        IngestStream stream = new IngestStream("s-4", new ClientFormat(48_000, 1, SampleFormat.S16LE), 1600);
        List<AudioChunk> chunks = new ArrayList<>(stream.accept(s16(new short[48_000]), 0));
        chunks.addAll(stream.finish(0));
        assertThat(chunks.stream().mapToInt(c -> c.getPcm().size() / 2).sum()).isEqualTo(16_000);
        assertThat(stream.receivedSeconds()).isEqualTo(1.0);
    }

    @Test
    void formatsOutOfRangeAreRefusedWithTheRange() {
        assertThatThrownBy(() -> new ClientFormat(4_000, 1, SampleFormat.S16LE))
                .hasMessage("sample_rate 4000 is outside 8000..192000 Hz");
        assertThatThrownBy(() -> new ClientFormat(16_000, 0, SampleFormat.S16LE)).hasMessage("channels 0 is outside 1..8");
        assertThatThrownBy(() -> SampleFormat.parse("s24le")).hasMessage("sample_format 's24le' is not one of s16le, f32le");
    }

    private static byte[] s16(short[] samples) {
        ByteBuffer out = ByteBuffer.allocate(2 * samples.length).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : samples) {
            out.putShort(s);
        }
        return out.array();
    }
}
