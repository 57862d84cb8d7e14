package io.wakestream.common.frontend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LogMelFrontendTest {

    @Test
    void frameTCoversSamples160tTo160tPlus400() {
        LogMelFrontend frontend = new LogMelFrontend(40);
        float[] samples = new float[1000];
        Random random = new Random(3);
        for (int i = 0; i < samples.length; i++) {
            samples[i] = random.nextFloat() - 0.5f;
        }
        float[] thirdFrame = new float[LogMelFrontend.FRAME_LENGTH];
        System.arraycopy(samples, 320, thirdFrame, 0, thirdFrame.length);

        float[][] features = frontend.compute(samples);

        assertThat(features).hasNumberOfRows(4);
        assertThat(frontend.compute(thirdFrame)[0]).containsExactly(features[2]);
        assertThat(LogMelFrontend.frameStart(2)).isEqualTo(320);
    }

    @Test
    void countsFramesWithoutPadding() {
        assertThat(LogMelFrontend.frameCount(0)).isZero();
        assertThat(LogMelFrontend.frameCount(399)).isZero();
        assertThat(LogMelFrontend.frameCount(400)).isEqualTo(1);
        assertThat(LogMelFrontend.frameCount(559)).isEqualTo(1);
        assertThat(LogMelFrontend.frameCount(560)).isEqualTo(2);
        assertThat(new LogMelFrontend(80).compute(new float[399])).isEmpty();
    }

    @Test
    void silenceSitsAtTheLogFloor() {
        float[][] features = new LogMelFrontend(40).compute(new float[400]);

        assertThat(features[0]).containsOnly((float) Math.log(LogMelFrontend.LOG_FLOOR));
    }

    @Test
    void aToneLandsInTheMelFilterAroundItsFrequency() {
        int nMels = 40;
        float[] tone = new float[400];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (float) (0.5 * Math.sin(2 * Math.PI * 1000 * i / 16000.0));
        }

        float[] features = new LogMelFrontend(nMels).compute(tone)[0];

        int loudest = 0;
        for (int m = 1; m < nMels; m++) {
            loudest = features[m] > features[loudest] ? m : loudest;
        }
        // Filter m peaks at the (m + 1)-th of n_mels + 2 points equally spaced in HTK mel from 20 to 7600 Hz.
        double step = (MelFilterbank.hzToMel(7600) - MelFilterbank.hzToMel(20)) / (nMels + 1);
        double centreHz = MelFilterbank.melToHz(MelFilterbank.hzToMel(20) + (loudest + 1) * step);
        assertThat(Math.abs(centreHz - 1000)).isLessThan(MelFilterbank.melToHz(MelFilterbank.hzToMel(1000) + step) - 1000);
    }

    @Test
    void refusesAnUnusableMelCount() {
        assertThatThrownBy(() -> new LogMelFrontend(0)).hasMessageContaining("n_mels 0");
        assertThatThrownBy(() -> new LogMelFrontend(129)).hasMessageContaining("n_mels 129");
        assertThat(new LogMelFrontend(80).nMels()).isEqualTo(80);
    }
}
