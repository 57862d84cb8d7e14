package io.wakestream.common.frontend;

/** Receives the frames a {@link LogMelStream} completes, in order. */
@FunctionalInterface
public interface FrameSink {

    /**
     * @param frameIndex t, counted from the stream's start: the frame covers samples [160 t, 160 t + 400)
     * @param features   n_mels log-mel values; the array is reused for the next frame, so copy what you keep
     */
    void accept(long frameIndex, float[] features);
}
