package io.wakestream.gateway.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Sample formats a client may send: little-endian signed 16-bit integers or 32-bit IEEE floats (full scale ±1). */
public enum SampleFormat {
    S16LE(2),
    F32LE(4);

    private final int bytes;

    SampleFormat(int bytes) {
        this.bytes = bytes;
    }

    /** Bytes per sample of one channel. */
    public int bytes() {
        return bytes;
    }

    /** The format named {@code s16le} or {@code f32le} (any case); a RejectedException naming the accepted ones otherwise. */
    public static SampleFormat parse(String name) {
        for (SampleFormat format : values()) {
            if (format.name().equalsIgnoreCase(name)) {
                return format;
            }
        }
        throw new RejectedException(RejectReason.BAD_HANDSHAKE,
                "sample_format '" + name + "' is not one of " + names());
    }

    public static String names() {
        return Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }
}
