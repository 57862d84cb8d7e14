package io.wakestream.common.audio;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Headerless PCM, as {@code arecord}, {@code sox -t raw} and most capture tools write it: the caller
 * names the layout, since nothing in the bytes does. Sample formats are named as sox and ffmpeg name
 * them ({@code s16le}); arecord's spelling ({@code S16_LE}) is accepted too.
 */
public final class RawPcm {

    private record Layout(SampleEncoding encoding, int bits) {
    }

    private static final Map<String, Layout> FORMATS = Map.of(
            "u8", new Layout(SampleEncoding.UNSIGNED_INT, 8),
            "s16le", new Layout(SampleEncoding.SIGNED_INT, 16),
            "s24le", new Layout(SampleEncoding.SIGNED_INT, 24),
            "s32le", new Layout(SampleEncoding.SIGNED_INT, 32),
            "f32le", new Layout(SampleEncoding.FLOAT, 32),
            "f64le", new Layout(SampleEncoding.FLOAT, 64));

    private RawPcm() {
    }

    /** The sample format names accepted, sorted. */
    public static String formatNames() {
        return FORMATS.keySet().stream().sorted().collect(Collectors.joining(", "));
    }

    /** The layout of raw PCM in sample format {@code name}; IllegalArgumentException naming the accepted ones. */
    public static WavFormat format(String name, int sampleRate, int channels) {
        Layout layout = FORMATS.get(name.toLowerCase(Locale.ROOT).replace("_", ""));
        if (layout == null) {
            throw new IllegalArgumentException("sample format '" + name + "' is not one of " + formatNames());
        }
        return new WavFormat(layout.encoding(), layout.bits(), channels, sampleRate);
    }

    /** Reads raw PCM of {@code format} to the end of the stream; a trailing partial frame is left out. */
    public static WavAudio read(InputStream in, WavFormat format) throws IOException {
        return WavReader.decode(format, in.readAllBytes());
    }
}
