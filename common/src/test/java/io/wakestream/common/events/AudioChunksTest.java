package io.wakestream.common.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.wakestream.common.audio.Pcm16;
import io.wakestream.events.v1.AudioChunk;
import io.wakestream.events.v1.AudioEncoding;
import java.util.List;
import org.junit.jupiter.api.Test;

class AudioChunksTest {

    @Test
    void chunksCoverTheAudioInOrderAndOnlyTheLastEndsTheStream() {
        float[] samples = new float[4_000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (i % 200 - 100) / 128f;
        }

        List<AudioChunk> chunks = AudioChunks.split("s", samples, 1_600);

        assertThat(chunks).extracting(AudioChunk::getSeq).containsExactly(0L, 1L, 2L);
        assertThat(chunks).extracting(AudioChunk::getFirstSample).containsExactly(0L, 1_600L, 3_200L);
        assertThat(chunks).extracting(AudioChunk::getEndOfStream).containsExactly(false, false, true);
        assertThat(chunks).allSatisfy(c -> {
            assertThat(c.getSampleRate()).isEqualTo(16_000);
            assertThat(c.getEncoding()).isEqualTo(AudioEncoding.PCM_S16LE);
        });
        assertThat(chunks.get(2).getPcm().size()).isEqualTo(800 * 2);
        assertThat(Pcm16.toFloats(chunks.get(1).getPcm())[5]).isEqualTo(samples[1_605]);
    }

    @Test
    void emptyAudioIsOneFinalChunkAndANonPositiveChunkSizeIsRefused() {
        assertThat(AudioChunks.split("s", new float[0], 160)).singleElement()
                .satisfies(c -> assertThat(c.getEndOfStream()).isTrue());
        assertThatIllegalArgumentException().isThrownBy(() -> AudioChunks.split("s", new float[10], 0));
    }
}
