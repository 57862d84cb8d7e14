package io.wakestream.wakeword.core.repcnn;

/**
 * The last {@code frames} log-mel frames of one stream in a ring, read out oldest first as one model
 * input. A stream starts from silence: the ring starts as {@code frames} copies of a fill frame (the
 * frontend's frame of all-zero audio), so the window is whole from the first frame on.
 */
final class FeatureWindow {

    private final int frames;
    private final int mels;
    private final float[] ring;
    private long written;

    FeatureWindow(int frames, float[] fill) {
        this.frames = frames;
        this.mels = fill.length;
        this.ring = new float[frames * mels];
        for (int frame = 0; frame < frames; frame++) {
            System.arraycopy(fill, 0, ring, frame * mels, mels);
        }
    }

    void push(float[] features) {
        System.arraycopy(features, 0, ring, (int) (written % frames) * mels, mels);
        written++;
    }

    /** Copies the window, oldest frame first, as {@code frames * mels} values into {@code target} at {@code offset}. */
    void copyTo(float[] target, int offset) {
        int oldest = (int) (written % frames) * mels;
        System.arraycopy(ring, oldest, target, offset, ring.length - oldest);
        System.arraycopy(ring, 0, target, offset + ring.length - oldest, oldest);
    }
}
