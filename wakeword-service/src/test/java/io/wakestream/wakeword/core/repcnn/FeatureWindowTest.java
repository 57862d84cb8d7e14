package io.wakestream.wakeword.core.repcnn;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FeatureWindowTest {

    private static final float[] SILENCE = {-7, -8};

    @Test
    void startsAsCopiesOfTheFillFrame() {
        FeatureWindow window = new FeatureWindow(3, SILENCE);
        float[] target = new float[6];
        window.copyTo(target, 0);
        assertThat(target).containsExactly(-7, -8, -7, -8, -7, -8);
    }

    @Test
    void framesPushedBeforeTheWindowIsFullFollowTheFill() {
        FeatureWindow window = new FeatureWindow(3, SILENCE);
        window.push(new float[] {1, 10});
        window.push(new float[] {2, 20});
        float[] target = new float[6];
        window.copyTo(target, 0);
        assertThat(target).containsExactly(-7, -8, 1, 10, 2, 20);
    }

    @Test
    void readsTheLastFramesOldestFirstAfterTheRingWraps() {
        FeatureWindow window = new FeatureWindow(3, SILENCE);
        for (int frame = 0; frame < 5; frame++) {
            window.push(new float[] {frame, 10 * frame});
        }
        float[] target = new float[8];
        window.copyTo(target, 1);
        assertThat(target).containsExactly(0, 2, 20, 3, 30, 4, 40, 0);
    }

    @Test
    void keepsItsOwnCopyOfTheFillFrame() {
        float[] fill = SILENCE.clone();
        FeatureWindow window = new FeatureWindow(2, fill);
        fill[0] = 99;
        float[] target = new float[4];
        window.copyTo(target, 0);
        assertThat(target).containsExactly(-7, -8, -7, -8);
    }
}
