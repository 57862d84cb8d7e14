package io.wakestream.common.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import io.wakestream.common.audio.Pcm16;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Streaming in chunks of any size gives exactly the frames of the whole-file computation. */
class LogMelStreamTest {

    private static final int[] SMALL_CHUNKS = {0, 1, 0, 1, 2, 159, 160, 161, 239, 240, 399, 400, 401};

    /** Collects copies of the emitted frames and checks that their indices count up from 0. */
    private static final class Collector implements FrameSink {
        final List<float[]> frames = new ArrayList<>();

        @Override
        public void accept(long frameIndex, float[] features) {
            assertThat(frameIndex).isEqualTo(frames.size());
            frames.add(features.clone());
        }

        float[][] toArray() {
            return frames.toArray(float[][]::new);
        }
    }

    @ParameterizedTest(name = "{0} mels")
    @ValueSource(ints = {40, 80})
    void floatChunksOfRandomSizesGiveTheWholeFileFrames(int nMels) throws IOException {
        LogMelFrontend frontend = new LogMelFrontend(nMels);
        float[] samples = GoldenFixtureTest.goldenSamples();
        float[][] whole = frontend.compute(samples);
        Random random = new Random(7);

        for (int run = 0; run < 5; run++) {
            LogMelStream stream = frontend.newStream();
            Collector sink = new Collector();
            int emitted = 0;
            int at = 0;
            for (int chunk = 0; at < samples.length; chunk++) {
                int size = chunk < SMALL_CHUNKS.length ? SMALL_CHUNKS[chunk] : random.nextInt(run == 0 ? 4 : 3000);
                size = Math.min(size, samples.length - at);
                emitted += stream.accept(samples, at, size, sink);
                at += size;
            }

            assertThat(sink.toArray()).isDeepEqualTo(whole);
            assertThat(emitted).isEqualTo(whole.length);
            assertThat(stream.framesEmitted()).isEqualTo(whole.length).isEqualTo(LogMelFrontend.frameCount(samples.length));
            assertThat(stream.samplesAccepted()).isEqualTo(samples.length);
        }
    }

    @Test
    void pcmChunksSplitAnywhereEvenInsideASampleGiveTheWholeFileFrames() throws IOException {
        LogMelFrontend frontend = new LogMelFrontend(40);
        float[] samples = GoldenFixtureTest.goldenSamples();
        byte[] pcm = Pcm16.toBytes(samples);
        Random random = new Random(11);

        LogMelStream stream = frontend.newStream();
        Collector sink = new Collector();
        int at = 0;
        for (int chunk = 0; at < pcm.length; chunk++) {
            int size = Math.min(chunk < SMALL_CHUNKS.length ? SMALL_CHUNKS[chunk] : random.nextInt(5000),
                    pcm.length - at);
            if (chunk % 2 == 0) {
                byte[] copy = new byte[size];
                System.arraycopy(pcm, at, copy, 0, size);
                stream.acceptPcm16(copy, sink);
            } else {
                stream.acceptPcm16(ByteBuffer.wrap(pcm, at, size), sink);
            }
            at += size;
        }

        assertThat(sink.toArray()).isDeepEqualTo(frontend.compute(samples));
        assertThat(stream.samplesAccepted()).isEqualTo(samples.length);
    }

    @Test
    void resetStartsANewStream() throws IOException {
        LogMelFrontend frontend = new LogMelFrontend(40);
        float[] samples = GoldenFixtureTest.goldenSamples();
        LogMelStream stream = frontend.newStream();
        stream.accept(samples, 0, 12345, (t, f) -> { });
        stream.acceptPcm16(new byte[] {1}, (t, f) -> { });

        stream.reset();
        Collector sink = new Collector();
        stream.accept(samples, sink);

        assertThat(sink.toArray()).isDeepEqualTo(frontend.compute(samples));
    }
}
