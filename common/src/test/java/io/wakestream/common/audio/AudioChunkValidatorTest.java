package io.wakestream.common.audio;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.wakestream.events.v1.AudioChunk;
import io.wakestream.events.v1.AudioEncoding;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class AudioChunkValidatorTest {

    private final AudioChunkValidator validator = new AudioChunkValidator(1000);

    private static AudioChunk valid(UnaryOperator<AudioChunk.Builder> change) {
        AudioChunk.Builder chunk = AudioChunk.newBuilder()
                .setStreamId("kitchen-1").setSeq(3).setFirstSample(4800).setSampleRate(16000)
                .setEncoding(AudioEncoding.PCM_S16LE).setPcm(ByteString.copyFrom(new byte[320]));
        return change.apply(chunk).build();
    }

    private void assertRejected(AudioChunk chunk, ChunkRejectReason reason, String message) {
        assertThat(validator.validate(chunk)).hasValueSatisfying(rejection -> {
            assertThat(rejection.reason()).isEqualTo(reason);
            assertThat(rejection.code()).isEqualTo(reason.code());
            assertThat(rejection.message()).isEqualTo(message);
        });
    }

    @Test
    void acceptsAWellFormedChunk() {
        assertThat(validator.validate(valid(c -> c))).isEmpty();
    }

    @Test
    void acceptsAnEmptyFinalChunk() {
        assertThat(validator.validate(valid(c -> c.setPcm(ByteString.EMPTY).setEndOfStream(true)))).isEmpty();
    }

    @Test
    void saysWhatIsWrong() {
        assertRejected(valid(c -> c.clearStreamId()), ChunkRejectReason.MISSING_STREAM_ID, "stream_id is missing");
        assertRejected(valid(c -> c.setStreamId("  ")), ChunkRejectReason.MISSING_STREAM_ID, "stream_id is blank");
        assertRejected(valid(c -> c.setSeq(-1)), ChunkRejectReason.NEGATIVE_SEQ, "seq -1 is negative");
        assertRejected(valid(c -> c.setFirstSample(-160)), ChunkRejectReason.NEGATIVE_FIRST_SAMPLE,
                "first_sample -160 is negative");
        assertRejected(valid(c -> c.setSampleRate(44100)), ChunkRejectReason.SAMPLE_RATE,
                "sample_rate 44100, expected 16000");
        assertRejected(valid(c -> c.clearSampleRate()), ChunkRejectReason.SAMPLE_RATE,
                "sample_rate 0, expected 16000");
        assertRejected(valid(c -> c.clearEncoding()), ChunkRejectReason.ENCODING,
                "encoding AUDIO_ENCODING_UNSPECIFIED, expected PCM_S16LE");
        assertRejected(valid(c -> c.setEncodingValue(9)), ChunkRejectReason.ENCODING,
                "encoding value 9, expected PCM_S16LE");
        assertRejected(valid(c -> c.setPcm(ByteString.copyFrom(new byte[321]))), ChunkRejectReason.ODD_PCM_LENGTH,
                "pcm has 321 bytes, an odd count that cannot hold whole 16-bit samples");
        assertRejected(valid(c -> c.setPcm(ByteString.EMPTY)), ChunkRejectReason.EMPTY_PCM,
                "pcm is empty and end_of_stream is false");
        assertRejected(valid(c -> c.setPcm(ByteString.copyFrom(new byte[1002]))), ChunkRejectReason.OVERSIZE_CHUNK,
                "pcm has 1002 bytes, more than the 1000 allowed");
    }

    @Test
    void theLimitIsConfigurable() {
        AudioChunk chunk = valid(c -> c.setPcm(ByteString.copyFrom(new byte[1002])));

        assertThat(new AudioChunkValidator(1002).validate(chunk)).isEmpty();
        assertThat(new AudioChunkValidator().maxPcmBytes()).isEqualTo(AudioChunkValidator.DEFAULT_MAX_PCM_BYTES);
    }

    @Test
    void codesAreStableSnakeCaseTags() {
        assertThat(Arrays.stream(ChunkRejectReason.values()).map(ChunkRejectReason::code))
                .containsExactly("missing_stream_id", "negative_seq", "negative_first_sample", "sample_rate",
                        "encoding", "odd_pcm_length", "empty_pcm", "oversize_chunk", "null_value", "implausible_seq",
                        "implausible_first_sample");
    }

    @Test
    void aRecordWithoutValueIsRejectedAsNullValue() {
        assertRejected(null, ChunkRejectReason.NULL_VALUE,
                "record value is null (a tombstone); audio records must hold an AudioChunk");
    }

    @Test
    void positionsBeyondAYearOfAudioAreImplausible() {
        long year = 365L * 24 * 3600 * 16000;
        assertThat(AudioChunkValidator.MAX_STREAM_SAMPLES).isEqualTo(year);

        assertRejected(valid(c -> c.setSeq(Long.MAX_VALUE)), ChunkRejectReason.IMPLAUSIBLE_SEQ, "seq "
                + Long.MAX_VALUE + " is beyond any stream of up to a year of 16 kHz audio (at most " + year + ")");
        assertRejected(valid(c -> c.setFirstSample(Long.MAX_VALUE - 100)), ChunkRejectReason.IMPLAUSIBLE_FIRST_SAMPLE,
                "first_sample " + (Long.MAX_VALUE - 100) + " puts the chunk beyond a year of 16 kHz audio ("
                        + year + " samples)");
        // The chunk's 160 samples would end one sample past the year.
        assertRejected(valid(c -> c.setFirstSample(year - 159)), ChunkRejectReason.IMPLAUSIBLE_FIRST_SAMPLE,
                "first_sample " + (year - 159) + " puts the chunk beyond a year of 16 kHz audio (" + year + " samples)");
        assertThat(validator.validate(valid(c -> c.setSeq(year).setFirstSample(year - 160)))).isEmpty();
    }
}
