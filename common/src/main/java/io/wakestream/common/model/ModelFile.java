package io.wakestream.common.model;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One file of a model, relative to the model's directory, with the sha256 it must have and,
 * for ONNX graphs, the inputs and outputs it declares.
 */
public record ModelFile(String path, String sha256, List<TensorSpec> inputs, List<TensorSpec> outputs) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public ModelFile {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("file path is missing");
        }
        if (path.startsWith("/") || path.contains("\\") || List.of(path.split("/")).contains("..")) {
            throw new IllegalArgumentException("file path must stay inside the model directory: " + path);
        }
        sha256 = sha256 == null ? null : sha256.toLowerCase(Locale.ROOT);
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("file " + path + " needs a sha256 of 64 hex digits, got " + sha256);
        }
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
    }
}
