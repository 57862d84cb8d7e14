package io.wakestream.wakeword.core;

/**
 * A wake-word model. It is shared by all streams; each stream gets its own {@link DetectorStream}
 * holding that stream's buffers, so a detector instance itself is stateless and thread-safe.
 */
public interface Detector extends AutoCloseable {

    /** The phrase the model detects, lower case words, e.g. "hey jarvis". */
    String keyword();

    /** name/version of the model, as recorded in events. */
    String modelId();

    /** How many samples before a score's end sample the scored window starts. */
    int windowSamples();

    /**
     * Audio a stream must have before its first firing: the first windows of a stream are mostly the silence it is
     * padded with, which a window model may score high (see {@link TriggerPolicy}). Half a window by default.
     */
    default int warmUpSamples() {
        return windowSamples() / 2;
    }

    /**
     * The model's own trigger settings (threshold, smoothing, refractory period), from its manifest;
     * {@link SessionSettings} may override each.
     */
    TriggerSettings triggerSettings();

    /** The settings a stream runs this detector with: the model's, each overridden where {@code settings} sets it. */
    default TriggerSettings triggerSettings(SessionSettings settings) {
        return triggerSettings().overriddenBy(settings);
    }

    /** New per-stream state, starting from silence at sample 0. */
    DetectorStream openStream();

    @Override
    void close();
}
