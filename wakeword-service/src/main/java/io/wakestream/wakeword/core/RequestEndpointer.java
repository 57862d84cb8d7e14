package io.wakestream.wakeword.core;

/**
 * Decides when the request after a trigger has ended: after {@code endSilenceSamples} of consecutive
 * quiet 10 ms frames. A frame is quiet when its level is below both an absolute floor and the
 * running noise floor plus a margin, so a steady background does not keep a request open forever
 * (the maximum segment length still bounds it). Frames count from the segment's first sample, so the
 * end found is the same sample whatever the chunk sizes.
 */
final class RequestEndpointer {

    static final int NOT_ENDED = -1;

    private static final int FRAME = 160;
    private static final double ABSOLUTE_QUIET_DBFS = -40.0;
    private static final double MARGIN_DB = 8.0;

    private final long endSilenceSamples;
    private double noiseFloorDbfs = -60.0;
    private long quietSamples;
    private double frameEnergy;
    private int frameFill;

    RequestEndpointer(long endSilenceSamples) {
        this.endSilenceSamples = endSilenceSamples;
    }

    /**
     * Feeds {@code samples[from, to)}; returns the index just after the sample that ended the request,
     * or {@link #NOT_ENDED} while it goes on.
     */
    int accept(short[] samples, int from, int to) {
        for (int i = from; i < to; i++) {
            double x = samples[i] / 32768.0;
            frameEnergy += x * x;
            if (++frameFill == FRAME) {
                endFrame();
                if (quietSamples >= endSilenceSamples) {
                    return i + 1;
                }
            }
        }
        return NOT_ENDED;
    }

    private void endFrame() {
        double dbfs = 10.0 * Math.log10(frameEnergy / FRAME + 1e-12);
        noiseFloorDbfs = dbfs < noiseFloorDbfs ? dbfs : noiseFloorDbfs + 0.002 * (dbfs - noiseFloorDbfs);
        boolean quiet = dbfs < ABSOLUTE_QUIET_DBFS || dbfs < noiseFloorDbfs + MARGIN_DB;
        quietSamples = quiet ? quietSamples + FRAME : 0;
        frameEnergy = 0;
        frameFill = 0;
    }
}
