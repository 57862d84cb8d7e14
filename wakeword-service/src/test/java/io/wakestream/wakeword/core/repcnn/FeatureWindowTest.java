package io.wakestream.wakeword.core.repcnn;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeatureWindowTest {

    @Test
    void readsTheLastFramesOldestFirstAfterTheRingWraps() {
        FeatureWindow window = new FeatureWindow(3, 2);
        for (int frame = 0; frame < 5; frame++) {
            window.push(new float[] {frame, 10 * frame});
        }
        float[] target = new float[8];
        window.copyTo(target, 1);
        assertThat(target).containsExactly(0, 2, 20, 3, 30, 4, 40, 0);
    }

    @Test
    void refusesToReadBeforeItIsFull() {
        FeatureWindow window = new FeatureWindow(3, 1);
        window.push(new float[] {1});
        assertThat(window.full()).isFalse();
        assertThatThrownBy(() -> window.copyTo(new float[3], 0)).isInstanceOf(IllegalStateException.class);
    }
}
