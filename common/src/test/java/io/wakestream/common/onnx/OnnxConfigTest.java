package io.wakestream.common.onnx;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OnnxConfigTest {

    @Test
    void parsesProvidersInAnyCase() {
        assertThat(OnnxProvider.parse("cpu")).isEqualTo(OnnxProvider.CPU);
        assertThat(OnnxProvider.parse(" CUDA ")).isEqualTo(OnnxProvider.CUDA);
        assertThat(OnnxProvider.parse("Auto")).isEqualTo(OnnxProvider.AUTO);
        assertThatThrownBy(() -> OnnxProvider.parse("tpu"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cpu, cuda, auto");
    }

    @Test
    void rejectsNegativeThreadCounts() {
        assertThatThrownBy(() -> new OnnxConfig(OnnxProvider.CPU, -1, 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("intra-op -1");
    }

    @Test
    void tensorShapeMustMatchItsData() {
        assertThat(FloatTensor.of(new float[6], 2, 3).shape()).containsExactly(2, 3);
        assertThatThrownBy(() -> FloatTensor.of(new float[5], 2, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds 6 values but data has 5");
    }
}
