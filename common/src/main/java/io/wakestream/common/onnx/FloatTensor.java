package io.wakestream.common.onnx;

import java.util.Arrays;

/**
 * A dense float32 tensor in row-major order: the values a model call takes or returns.
 *
 * @param data  the values; not copied, so callers hand over ownership
 * @param shape the dimensions; their product equals {@code data.length}
 */
public record FloatTensor(float[] data, long[] shape) {

    public FloatTensor {
        if (data == null || shape == null) {
            throw new IllegalArgumentException("data and shape must be set");
        }
        long elements = 1;
        for (long dimension : shape) {
            if (dimension < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            elements *= dimension;
        }
        if (elements != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + elements
                    + " values but data has " + data.length);
        }
    }

    public static FloatTensor of(float[] data, long... shape) {
        return new FloatTensor(data, shape);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FloatTensor tensor
                && Arrays.equals(data, tensor.data) && Arrays.equals(shape, tensor.shape);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(data) + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return "FloatTensor" + Arrays.toString(shape);
    }
}
