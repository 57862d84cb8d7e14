package io.wakestream.common.phonetic;

/**
 * Which phonetic encoder to load and how its streams call it.
 *
 * @param model          model name under the models directory
 * @param version        model version; empty for the newest
 * @param outputsPerCall outputs a stream collects before it calls the model. The graph has no state:
 *                       each call recomputes the context it shares with the previous one (the
 *                       receptive field less two frames, 114 input frames in the toolkit's default architecture), so
 *                       fewer, larger calls cost less CPU, while a live stream waits up to this many
 *                       outputs ({@code outputsPerCall x 20 ms}) on top of the model's look-ahead.
 *                       End of stream flushes whatever is left, and a large chunk of audio is
 *                       encoded in as few calls as it allows, whatever this setting.
 */
public record PhoneticEncoderConfig(String model, String version, int outputsPerCall) {

    public static final String DEFAULT_MODEL = "phonetic-encoder";
    /** 320 ms of added latency at most; PhoneticStreamCpuBenchmark reports the CPU of other settings. */
    public static final int DEFAULT_OUTPUTS_PER_CALL = 16;

    public PhoneticEncoderConfig {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("model name is missing");
        }
        version = version == null ? "" : version;
        if (outputsPerCall < 1) {
            throw new IllegalArgumentException("outputsPerCall must be at least 1, got " + outputsPerCall);
        }
    }

    /** The newest {@value #DEFAULT_MODEL}, {@value #DEFAULT_OUTPUTS_PER_CALL} outputs per call. */
    public static PhoneticEncoderConfig defaults() {
        return new PhoneticEncoderConfig(DEFAULT_MODEL, "", DEFAULT_OUTPUTS_PER_CALL);
    }

    public PhoneticEncoderConfig withModel(String newModel, String newVersion) {
        return new PhoneticEncoderConfig(newModel, newVersion, outputsPerCall);
    }
}
