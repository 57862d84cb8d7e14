package io.wakestream.wakeword.core.openwakeword;

import java.util.Arrays;

/** The most recent {@code rows} rows of {@code width} floats, oldest first, in one flat array. */
final class RowWindow {

    private final int width;
    private final float[] values;

    private RowWindow(int width, float[] values) {
        this.width = width;
        this.values = values;
    }

    /** A window whose rows start as {@code initial} (rows × width values, oldest first). */
    static RowWindow of(int width, float[] initial) {
        if (initial.length % width != 0) {
            throw new IllegalArgumentException(initial.length + " values are not whole rows of " + width);
        }
        return new RowWindow(width, initial.clone());
    }

    /** A window of {@code rows} rows, every value {@code value}. */
    static RowWindow filled(int rows, int width, float value) {
        float[] values = new float[rows * width];
        Arrays.fill(values, value);
        return new RowWindow(width, values);
    }

    /** Drops the oldest row and appends {@code source[offset, offset + width)} as the newest. */
    void push(float[] source, int offset) {
        System.arraycopy(values, width, values, 0, values.length - width);
        System.arraycopy(source, offset, values, values.length - width, width);
    }

    /** A copy of all rows, oldest first. */
    float[] snapshot() {
        return values.clone();
    }
}
