package io.wakestream.common.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Headers the sox comparison does not produce, and malformed files. */
class WavReaderTest {

    private static final float[] SAMPLES = {0f, 0.5f, -0.5f, 0.25f, -1f, 0.999969482421875f};

    @TempDir
    Path dir;

    @Test
    void readsWhatWavWriterWrites() throws IOException {
        Path file = dir.resolve("written.wav");
        WavWriter.writePcm16(file, SAMPLES, 16000);

        WavAudio audio = WavReader.read(file);

        assertThat(audio.format()).isEqualTo(new WavFormat(SampleEncoding.SIGNED_INT, 16, 1, 16000));
        assertThat(audio.channels()[0]).containsExactly(SAMPLES);
        assertThat(audio.durationSeconds()).isEqualTo(SAMPLES.length / 16000.0);
    }

    @Test
    void readsExtensibleFloatAndSkipsUnknownChunks() throws IOException {
        ByteBuffer data = le(8 * 3);
        for (int frame = 0; frame < 3; frame++) {
            data.putFloat(0.1f * frame).putFloat(-0.1f * frame);
        }
        byte[] wav = riff(extensibleFmt(0x0003, 2, 44100, 32), chunk("LIST", new byte[5]), chunk("data", data.array()));

        WavAudio audio = WavReader.read(wav);

        assertThat(audio.format()).isEqualTo(new WavFormat(SampleEncoding.FLOAT, 32, 2, 44100));
        assertThat(audio.channels()[0]).containsExactly(0f, 0.1f, 0.2f);
        assertThat(audio.channels()[1]).containsExactly(-0f, -0.1f, -0.2f);
    }

    @Test
    void replacesAndCountsNonFiniteFloatSamplesSilenceForNanFullScaleForInfinity() throws IOException {
        ByteBuffer data = le(4 * 5);
        data.putFloat(0.5f).putFloat(Float.NaN).putFloat(Float.POSITIVE_INFINITY).putFloat(Float.NEGATIVE_INFINITY)
                .putFloat(-0.5f);
        byte[] wav = riff(plainFmt(3, 1, 16000, 32), chunk("data", data.array()));

        WavAudio audio = WavReader.read(wav);

        assertThat(audio.channels()[0]).containsExactly(0.5f, 0f, 1f, -1f, -0.5f);
        assertThat(audio.nonFiniteSamples()).isEqualTo(3);
    }

    @Test
    void aNanDoesNotSpreadThroughResampling() throws IOException {
        ByteBuffer data = le(8 * 4410);
        for (int i = 0; i < 4410; i++) {
            data.putDouble(i == 2000 ? Double.NaN : 0.1 * Math.sin(i / 10.0));
        }
        WavAudio audio = WavReader.read(riff(plainFmt(3, 1, 44100, 64), chunk("data", data.array())));

        float[] mono = Mono16k.convert(audio);

        assertThat(audio.nonFiniteSamples()).isEqualTo(1);
        assertThat(mono).hasSize(1600);
        for (float sample : mono) {
            assertThat(sample).isBetween(-0.2f, 0.2f);
        }
    }

    @Test
    void readsRawPcmInTheLayoutTheCallerNames() throws IOException {
        byte[] pcm = Pcm16.toBytes(new float[] {0.5f, -0.5f, 0.25f, -0.25f, 0.125f});

        WavAudio audio = RawPcm.read(new java.io.ByteArrayInputStream(pcm), RawPcm.format("S16_LE", 8000, 2));

        assertThat(audio.format()).isEqualTo(new WavFormat(SampleEncoding.SIGNED_INT, 16, 2, 8000));
        // The fifth sample is half a frame: left out.
        assertThat(audio.channels()[0]).containsExactly(0.5f, 0.25f);
        assertThat(audio.channels()[1]).containsExactly(-0.5f, -0.25f);
        assertThatThrownBy(() -> RawPcm.format("s16be", 16000, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sample format 's16be' is not one of f32le, f64le, s16le, s24le, s32le, u8");
    }

    @Test
    void readsIntegerSamplesLeftJustifiedInALargerContainer() throws IOException {
        // 20 valid bits in 24-bit containers: the low 4 bits are zero, the value scale is the container's.
        byte[] sample = {0x00, 0x00, 0x40};
        byte[] wav = riff(extensibleFmt(0x0001, 1, 8000, 24, 20), chunk("data", sample));

        assertThat(WavReader.read(wav).channels()[0]).containsExactly(0.5f);
    }

    @Test
    void readsAMinimalSixteenByteFmtChunk() throws IOException {
        byte[] wav = riff(chunk("fmt ", Arrays.copyOf(plainFmtBody(1, 2, 16000, 16), 16)),
                chunk("data", Pcm16.toBytes(new float[] {0.5f, -0.5f})));

        WavAudio audio = WavReader.read(wav);

        assertThat(audio.channels()[0]).containsExactly(0.5f);
        assertThat(audio.channels()[1]).containsExactly(-0.5f);
    }

    @Test
    void readsAStreamedDataChunkToTheEndOfTheFile() throws IOException {
        byte[] pcm = Pcm16.toBytes(SAMPLES);
        byte[] wav = riff(plainFmt(1, 1, 16000, 16), chunk("data", pcm));
        ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putInt(wav.length - pcm.length - 4, 0xFFFFFFFF);

        assertThat(WavReader.read(wav).channels()[0]).containsExactly(SAMPLES);
    }

    @Test
    void keepsTheWholeFramesOfATruncatedFile() throws IOException {
        byte[] pcm = Pcm16.toBytes(SAMPLES);
        byte[] wav = riff(plainFmt(1, 1, 16000, 16), chunk("data", pcm));
        byte[] truncated = Arrays.copyOf(wav, wav.length - 3);

        assertThat(WavReader.read(truncated).channels()[0])
                .containsExactly(Arrays.copyOf(SAMPLES, SAMPLES.length - 2));
    }

    @Test
    void rejectsMalformedFilesWithAClearMessage() {
        byte[] data = chunk("data", new byte[4]);
        assertMalformed(new byte[0], "too short for a RIFF header");
        assertMalformed("hello, this is text".getBytes(), "not a WAV file: it starts with \"hell\"");
        assertMalformed(riff(data), "data chunk comes before the fmt chunk");
        assertMalformed(riff(chunk("LIST", new byte[2])), "no fmt chunk");
        assertMalformed(riff(plainFmt(1, 1, 16000, 16)), "no data chunk");
        assertMalformed(riff(chunk("fmt ", new byte[10]), data), "fmt chunk has 10 bytes, expected at least 16");
        assertMalformed(riff(plainFmt(6, 1, 8000, 8), data), "format tag 0x0006 (A-law) is not supported");
        assertMalformed(riff(plainFmt(1, 0, 16000, 16), data), "0 channels");
        assertMalformed(riff(plainFmt(1, 1, 0, 16), data), "sample rate 0");
        assertMalformed(riff(plainFmt(3, 1, 16000, 16), data), "16-bit float samples are not supported");
        assertMalformed(riff(plainFmt(1, 1, 16000, 40), data), "40-bit integer samples are not supported");
        assertMalformed(riff(extensibleFmt(0x0055, 1, 16000, 16), data), "0x0055 (MPEG layer 3)");
        byte[] badAlign = plainFmtBody(1, 2, 16000, 16);
        badAlign[12] = 3;
        assertMalformed(riff(chunk("fmt ", badAlign), data), "block align 3, expected 4 for 2 channels of 16 bits");
        byte[] cut = riff(chunk("LIST", new byte[100]));
        assertMalformed(Arrays.copyOf(cut, 40), "chunk \"LIST\" declares 100 bytes but the file ends inside it");
        byte[] rifx = riff(plainFmt(1, 1, 16000, 16), data);
        rifx[3] = 'X';
        assertMalformed(rifx, "RIFX files are not supported");
    }

    @Test
    void namesTheFileInTheMessage() throws IOException {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "not audio at all");

        assertThatThrownBy(() -> WavReader.read(file))
                .isInstanceOf(WavFormatException.class)
                .hasMessageStartingWith(file + ": not a WAV file");
    }

    private static void assertMalformed(byte[] wav, String message) {
        assertThatThrownBy(() -> WavReader.read(wav)).isInstanceOf(WavFormatException.class).hasMessageContaining(message);
    }

    private static byte[] riff(byte[]... chunks) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("WAVE".getBytes());
        for (byte[] chunk : chunks) {
            body.writeBytes(chunk);
        }
        ByteBuffer riff = le(8 + body.size());
        riff.put("RIFF".getBytes()).putInt(body.size()).put(body.toByteArray());
        return riff.array();
    }

    private static byte[] chunk(String id, byte[] body) {
        ByteBuffer chunk = le(8 + body.length + body.length % 2);
        chunk.put(id.getBytes()).putInt(body.length).put(body);
        return chunk.array();
    }

    private static byte[] plainFmt(int tag, int channels, int rate, int bits) {
        return chunk("fmt ", plainFmtBody(tag, channels, rate, bits));
    }

    private static byte[] plainFmtBody(int tag, int channels, int rate, int bits) {
        int blockAlign = channels * ((bits + 7) / 8);
        ByteBuffer fmt = le(18);
        fmt.putShort((short) tag).putShort((short) channels).putInt(rate).putInt(rate * blockAlign)
                .putShort((short) blockAlign).putShort((short) bits).putShort((short) 0);
        return fmt.array();
    }

    private static byte[] extensibleFmt(int subFormat, int channels, int rate, int bits) {
        return extensibleFmt(subFormat, channels, rate, bits, bits);
    }

    private static byte[] extensibleFmt(int subFormat, int channels, int rate, int bits, int validBits) {
        int blockAlign = channels * bits / 8;
        ByteBuffer fmt = le(40);
        fmt.putShort((short) 0xFFFE).putShort((short) channels).putInt(rate).putInt(rate * blockAlign)
                .putShort((short) blockAlign).putShort((short) bits).putShort((short) 22)
                .putShort((short) validBits).putInt(0).putShort((short) subFormat)
                .put(new byte[] {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00,
                        0x38, (byte) 0x9B, 0x71});
        return chunk("fmt ", fmt.array());
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
