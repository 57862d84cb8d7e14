package io.wakestream.kws.core;

import java.util.Locale;

/** How a span's frames are cut into one segment per phone: the manifest's {@code architecture.partition}. */
public enum PartitionMethod {

    /** Dynamic sequence partitioning on the similarity matrix ({@link SequencePartitioner#partition}). */
    DSP,
    /** Equal cuts regardless of the audio ({@link SequencePartitioner#uniform}): the ablation. */
    UNIFORM;

    Partition apply(float[] similarity, int frames, int units) {
        return switch (this) {
            case DSP -> SequencePartitioner.partition(similarity, frames, units);
            case UNIFORM -> SequencePartitioner.uniform(frames, units);
        };
    }

    /** {@code dsp} or {@code uniform}. */
    public static PartitionMethod parse(String name) {
        for (PartitionMethod method : values()) {
            if (method.name().toLowerCase(Locale.ROOT).equals(name)) {
                return method;
            }
        }
        throw new IllegalArgumentException("partition '" + name + "' is not dsp or uniform");
    }
}
