package io.wakestream.wakeword.core;

/** The detector fired; {@code triggerPcm} holds samples [startSample, endSample). */
public record Detection(String detectionId, String streamId, String keyword, String model, float score,
                        long startSample, long endSample, short[] triggerPcm) implements StreamEvent {
}
