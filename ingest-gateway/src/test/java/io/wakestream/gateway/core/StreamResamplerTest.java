package io.wakestream.gateway.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.wakestream.common.audio.Mono16k;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamResamplerTest {

    @ParameterizedTest
    @ValueSource(ints = {8_000, 16_000, 22_050, 44_100, 48_000})
    void blockByBlockGivesTheSamplesOfTheWholeStreamResampledAtOnce(int rate) {
        Random random = new Random(rate);
        float[] input = new float[rate * 13 / 10];
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / rate) + 0.1 * random.nextGaussian());
        }
        float[] expected = Mono16k.resample(input, rate);

        StreamResampler resampler = new StreamResampler(rate);
        float[] streamed = new float[0];
        int at = 0;
        while (at < input.length) {
            int block = Math.min(input.length - at, 1 + random.nextInt(rate / 10));
            float[] piece = Arrays.copyOfRange(input, at, at + block);
            streamed = concat(streamed, resampler.push(piece));
            at += block;
        }
        streamed = concat(streamed, resampler.finish());

        assertThat(streamed).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(streamed[i]).as("sample %d", i).isCloseTo(expected[i], offset(1e-5f));
        }
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
