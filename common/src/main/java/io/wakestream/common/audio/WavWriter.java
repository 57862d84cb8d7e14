package io.wakestream.common.audio;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes 16-bit PCM WAV files (plain WAVE_FORMAT_PCM header, 44 bytes). */
public final class WavWriter {

    private static final int HEADER_BYTES = 44;

    private WavWriter() {
    }

    /** Writes mono float samples (full scale at ±1), rounded and clipped to int16 as {@link Pcm16#toShort}. */
    public static void writePcm16(Path file, float[] samples, int sampleRate) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            writePcm16(out, samples, sampleRate);
        }
    }

    public static void writePcm16(OutputStream out, float[] samples, int sampleRate) throws IOException {
        writePcm16(out, Pcm16.toBytes(samples), sampleRate, 1);
    }

    /** Writes PCM_S16LE bytes as they are, e.g. the concatenated {@code pcm} of AudioChunks. */
    public static void writePcm16(OutputStream out, byte[] pcm16le, int sampleRate, int channels) throws IOException {
        if (channels < 1 || sampleRate < 1) {
            throw new IllegalArgumentException("channels " + channels + " and sample rate " + sampleRate
                    + " must be positive");
        }
        if (pcm16le.length % (2 * channels) != 0) {
            throw new IllegalArgumentException(pcm16le.length + " bytes do not hold whole frames of "
                    + channels + " 16-bit channels");
        }
        out.write(header(pcm16le.length, sampleRate, channels));
        out.write(pcm16le);
        out.flush();
    }

    /** The whole file in memory. */
    public static byte[] toWavBytes(float[] samples, int sampleRate) {
        byte[] pcm = Pcm16.toBytes(samples);
        byte[] wav = new byte[HEADER_BYTES + pcm.length];
        System.arraycopy(header(pcm.length, sampleRate, 1), 0, wav, 0, HEADER_BYTES);
        System.arraycopy(pcm, 0, wav, HEADER_BYTES, pcm.length);
        return wav;
    }

    private static byte[] header(int dataBytes, int sampleRate, int channels) {
        int blockAlign = 2 * channels;
        byte[] header = new byte[HEADER_BYTES];
        ascii(header, 0, "RIFF");
        int32(header, 4, HEADER_BYTES - 8 + dataBytes);
        ascii(header, 8, "WAVE");
        ascii(header, 12, "fmt ");
        int32(header, 16, 16);
        int16(header, 20, 1);
        int16(header, 22, channels);
        int32(header, 24, sampleRate);
        int32(header, 28, sampleRate * blockAlign);
        int16(header, 32, blockAlign);
        int16(header, 34, 16);
        ascii(header, 36, "data");
        int32(header, 40, dataBytes);
        return header;
    }

    private static void ascii(byte[] bytes, int offset, String text) {
        for (int i = 0; i < text.length(); i++) {
            bytes[offset + i] = (byte) text.charAt(i);
        }
    }

    private static void int16(byte[] bytes, int offset, int value) {
        bytes[offset] = (byte) value;
        bytes[offset + 1] = (byte) (value >> 8);
    }

    private static void int32(byte[] bytes, int offset, int value) {
        int16(bytes, offset, value);
        int16(bytes, offset + 2, value >> 16);
    }
}
