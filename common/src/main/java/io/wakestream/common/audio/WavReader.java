package io.wakestream.common.audio;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads RIFF/WAVE files with PCM or IEEE-float samples: 8-bit unsigned, 16/24/32-bit signed integer,
 * 32/64-bit float, in plain or WAVE_FORMAT_EXTENSIBLE headers, any channel count and sample rate.
 *
 * <p>A data chunk that declares more bytes than the stream holds is read up to the end of the
 * stream, as written by recorders that stream to a pipe and cannot go back to fix the header
 * (they leave 0 or 0xFFFFFFFF there); a trailing partial frame is dropped.
 */
public final class WavReader {

    private static final int FORMAT_PCM = 0x0001;
    private static final int FORMAT_IEEE_FLOAT = 0x0003;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;
    private static final long STREAMED_DATA_SIZE = 0xFFFFFFFFL;

    /** The 14 bytes after the format tag in every KSDATAFORMAT_SUBTYPE GUID of a WAVE format. */
    private static final byte[] SUBTYPE_GUID_TAIL = {
            0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71};

    private static final Map<Integer, String> KNOWN_UNSUPPORTED_TAGS = Map.of(
            0x0002, "Microsoft ADPCM",
            0x0006, "A-law",
            0x0007, "mu-law",
            0x0011, "IMA ADPCM",
            0x0031, "GSM 6.10",
            0x0055, "MPEG layer 3");

    private WavReader() {
    }

    public static WavAudio read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return read(in);
        } catch (WavFormatException e) {
            throw new WavFormatException(file + ": " + e.getMessage());
        }
    }

    public static WavAudio read(byte[] wav) throws IOException {
        return read(new ByteArrayInputStream(wav));
    }

    /** Reads one WAV file from the stream; the caller closes the stream. */
    public static WavAudio read(InputStream in) throws IOException {
        byte[] riff = readHeaderBytes(in, 12, "RIFF header");
        String riffId = fourCc(riff, 0);
        if (riffId.equals("RIFX") || riffId.equals("RF64")) {
            throw new WavFormatException(riffId + " files are not supported, only little-endian RIFF");
        }
        if (!riffId.equals("RIFF") || !fourCc(riff, 8).equals("WAVE")) {
            throw new WavFormatException("not a WAV file: it starts with \"" + printable(riff, 0, 4)
                    + "\" ... \"" + printable(riff, 8, 4) + "\", expected \"RIFF\" ... \"WAVE\"");
        }
        WavFormat format = null;
        while (true) {
            byte[] header = in.readNBytes(8);
            if (header.length < 8) {
                throw new WavFormatException(format == null ? "no fmt chunk" : "no data chunk");
            }
            String id = fourCc(header, 0);
            long size = uint32(header, 4);
            if (id.equals("fmt ")) {
                format = parseFormat(readChunk(in, size, "fmt"));
            } else if (id.equals("data")) {
                if (format == null) {
                    throw new WavFormatException("data chunk comes before the fmt chunk");
                }
                return decode(format, readData(in, size));
            } else {
                skipChunk(in, id, size);
            }
        }
    }

    private static WavFormat parseFormat(byte[] fmt) throws WavFormatException {
        if (fmt.length < 16) {
            throw new WavFormatException("fmt chunk has " + fmt.length + " bytes, expected at least 16");
        }
        int tag = uint16(fmt, 0);
        int channels = uint16(fmt, 2);
        long sampleRate = uint32(fmt, 4);
        int blockAlign = uint16(fmt, 12);
        int bits = uint16(fmt, 14);
        if (tag == FORMAT_EXTENSIBLE) {
            tag = extensibleSubFormat(fmt);
        }
        if (tag != FORMAT_PCM && tag != FORMAT_IEEE_FLOAT) {
            String name = KNOWN_UNSUPPORTED_TAGS.getOrDefault(tag, "unknown");
            throw new WavFormatException(String.format(
                    "format tag 0x%04X (%s) is not supported, only PCM (0x0001) and IEEE float (0x0003)", tag, name));
        }
        if (channels < 1) {
            throw new WavFormatException("fmt chunk says 0 channels");
        }
        if (sampleRate < 1 || sampleRate > Integer.MAX_VALUE) {
            throw new WavFormatException("sample rate " + sampleRate + " is not a usable rate");
        }
        // Integer samples narrower than their container (e.g. 12 or 20 bits) are left-justified in it.
        int containerBits = 8 * ((bits + 7) / 8);
        SampleEncoding encoding = encodingOf(tag, containerBits, bits);
        if (blockAlign != channels * containerBits / 8) {
            throw new WavFormatException("block align " + blockAlign + ", expected " + channels * containerBits / 8
                    + " for " + channels + " channels of " + containerBits + " bits");
        }
        return new WavFormat(encoding, containerBits, channels, (int) sampleRate);
    }

    private static int extensibleSubFormat(byte[] fmt) throws WavFormatException {
        if (fmt.length < 40) {
            throw new WavFormatException("WAVE_FORMAT_EXTENSIBLE fmt chunk has " + fmt.length
                    + " bytes, expected 40");
        }
        for (int i = 0; i < SUBTYPE_GUID_TAIL.length; i++) {
            if (fmt[26 + i] != SUBTYPE_GUID_TAIL[i]) {
                throw new WavFormatException("WAVE_FORMAT_EXTENSIBLE sub-format GUID is not a WAVE format tag");
            }
        }
        return uint16(fmt, 24);
    }

    private static SampleEncoding encodingOf(int tag, int containerBits, int bits) throws WavFormatException {
        if (tag == FORMAT_IEEE_FLOAT) {
            if (bits != 32 && bits != 64) {
                throw new WavFormatException(bits + "-bit float samples are not supported, only 32 and 64");
            }
            return SampleEncoding.FLOAT;
        }
        return switch (containerBits) {
            case 8 -> SampleEncoding.UNSIGNED_INT;
            case 16, 24, 32 -> SampleEncoding.SIGNED_INT;
            default -> throw new WavFormatException(bits + "-bit integer samples are not supported, only 8, 16, 24 and 32");
        };
    }

    static WavAudio decode(WavFormat format, byte[] data) {
        int frames = data.length / format.blockAlign();
        float[][] channels = new float[format.channels()][frames];
        long nonFinite = SampleDecoder.of(format).decode(data, frames, channels);
        return new WavAudio(format, channels, nonFinite);
    }

    private static byte[] readData(InputStream in, long size) throws IOException {
        if (size == 0 || size == STREAMED_DATA_SIZE) {
            return in.readAllBytes();
        }
        if (size > Integer.MAX_VALUE - 8) {
            throw new WavFormatException("data chunk of " + size + " bytes is larger than this reader holds in memory");
        }
        return in.readNBytes((int) size);
    }

    private static byte[] readChunk(InputStream in, long size, String name) throws IOException {
        if (size > 1 << 20) {
            throw new WavFormatException(name + " chunk declares " + size + " bytes, implausibly large");
        }
        byte[] chunk = in.readNBytes((int) size);
        if (chunk.length < size) {
            throw new WavFormatException(name + " chunk declares " + size + " bytes but the file ends after "
                    + chunk.length);
        }
        skipPadding(in, size);
        return chunk;
    }

    private static void skipChunk(InputStream in, String id, long size) throws IOException {
        try {
            in.skipNBytes(size);
            skipPadding(in, size);
        } catch (EOFException e) {
            throw new WavFormatException("chunk \"" + id + "\" declares " + size
                    + " bytes but the file ends inside it, before any data chunk");
        }
    }

    /** RIFF chunks start on even offsets: an odd-sized chunk is followed by one pad byte. */
    private static void skipPadding(InputStream in, long size) throws IOException {
        if (size % 2 == 1) {
            in.read();
        }
    }

    private static byte[] readHeaderBytes(InputStream in, int count, String what) throws IOException {
        byte[] bytes = in.readNBytes(count);
        if (bytes.length < count) {
            throw new WavFormatException("not a WAV file: " + bytes.length + " bytes, too short for a " + what);
        }
        return bytes;
    }

    private static String fourCc(byte[] bytes, int offset) {
        return new String(bytes, offset, 4, StandardCharsets.ISO_8859_1);
    }

    private static String printable(byte[] bytes, int offset, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = offset; i < offset + length; i++) {
            int b = bytes[i] & 0xFF;
            text.append(b >= 0x20 && b < 0x7F ? String.valueOf((char) b) : String.format("\\x%02X", b));
        }
        return text.toString();
    }

    private static int uint16(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFF) | (bytes[offset + 1] & 0xFF) << 8;
    }

    private static long uint32(byte[] bytes, int offset) {
        return (uint16(bytes, offset) | (long) uint16(bytes, offset + 2) << 16);
    }
}
