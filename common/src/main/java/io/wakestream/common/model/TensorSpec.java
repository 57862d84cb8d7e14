package io.wakestream.common.model;

import java.util.List;

/**
 * A graph input or output as the manifest declares it.
 *
 * @param name  the tensor name in the ONNX graph
 * @param dtype element type, {@code float32} when omitted
 * @param shape dimensions; -1 marks a dynamic dimension
 */
public record TensorSpec(String name, String dtype, List<Long> shape) {

    public TensorSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("tensor name is missing");
        }
        dtype = dtype == null ? "float32" : dtype;
        if (shape == null) {
            throw new IllegalArgumentException("tensor " + name + " has no shape");
        }
        shape = List.copyOf(shape);
    }
}
