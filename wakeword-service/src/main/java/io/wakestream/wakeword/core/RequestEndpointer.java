package io.wakestream.wakeword.core;

/**
 * Decides when the request after a trigger has ended: after {@code endSilenceSamples} of consecutive
 * quiet 10 ms frames. A frame is quiet when its level is below both an absolute floor and the
 * running noise floor plus a margin, so a steady background does not keep a request open forever
 * (the maximum segment length still bounds it).
 */
final class RequestEndpointer {

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

    /** Feeds samples; true once the request has ended. */
    boolean accept(short[] samples) {
        for (short sample : samples) {
            double x = sample / 32768.0;
            frameEnergy += x * x;
            if (++frameFill == FRAME) {
                endFrame();
            }
        }
        return quietSamples >= endSilenceSamples;
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
