package io.wakestream.common.onnx;

import java.util.Locale;

/** Which ONNX Runtime execution provider runs the models. */
public enum OnnxProvider {
    /** The CPU provider only. */
    CPU,
    /** The CUDA provider; failing to load it is an error. */
    CUDA,
    /** CUDA where it loads, otherwise the CPU provider with a warning. */
    AUTO;

    /** Parses {@code cpu}, {@code cuda} or {@code auto}, in any case. */
    public static OnnxProvider parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown ONNX provider '" + value + "', expected one of cpu, cuda, auto", e);
        }
    }
}
