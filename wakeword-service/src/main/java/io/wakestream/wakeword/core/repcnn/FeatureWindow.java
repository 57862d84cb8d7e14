package io.wakestream.wakeword.core.repcnn;

/** The last {@code frames} log-mel frames of one stream in a ring, read out oldest first as one model input. */
final class FeatureWindow {

    private final int frames;
    private final int mels;
    private final float[] ring;
    private long written;

    FeatureWindow(int frames, int mels) {
        this.frames = frames;
        this.mels = mels;
        this.ring = new float[frames * mels];
    }

    void push(float[] features) {
        System.arraycopy(features, 0, ring, (int) (written % frames) * mels, mels);
        written++;
    }

    boolean full() {
        return written >= frames;
    }

    /** Copies the window, oldest frame first, as {@code frames * mels} values into {@code target} at {@code offset}. */
    void copyTo(float[] target, int offset) {
        if (!full()) {
            throw new IllegalStateException("window holds " + written + " of " + frames + " frames");
        }
        int oldest = (int) (written % frames) * mels;
        System.arraycopy(ring, oldest, target, offset, ring.length - oldest);
        System.arraycopy(ring, 0, target, offset + ring.length - oldest, oldest);
    }
}
