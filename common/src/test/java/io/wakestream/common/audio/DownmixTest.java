package io.wakestream.common.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DownmixTest {

    @Test
    void monoIsTheMeanOfTheChannels() {
        float[][] channels = {{1f, 0.5f, -1f}, {1f, -0.5f, 0f}, {-0.5f, 0.25f, 0f}};

        assertThat(Downmix.mono(channels)).containsExactly(0.5f, 0.083333336f, -0.33333334f);
    }

    @Test
    void oneChannelIsCopied() {
        float[][] channels = {{0.1f, 0.2f}};

        float[] mono = Downmix.mono(channels);

        assertThat(mono).containsExactly(0.1f, 0.2f).isNotSameAs(channels[0]);
    }
}
