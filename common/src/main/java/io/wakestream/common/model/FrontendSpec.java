package io.wakestream.common.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The audio features a model expects.
 *
 * @param type       the feature pipeline, e.g. {@code logmel} (ARCHITECTURE.md's frontend) or
 *                   {@code openwakeword} (its melspectrogram and embedding graphs)
 * @param sampleRate input sample rate in Hz
 * @param parameters the pipeline's parameters by name, e.g. {@code n_mels}
 */
public record FrontendSpec(String type, int sampleRate, Map<String, Object> parameters) {

    public FrontendSpec {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("frontend type is missing");
        }
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("frontend sample_rate must be positive, got " + sampleRate);
        }
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
