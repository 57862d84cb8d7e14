package io.wakestream.common.phonetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wakestream.common.audio.Pcm16;
import io.wakestream.common.frontend.LogMelFrontend;
import io.wakestream.common.onnx.OnnxEngine;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Streaming equals a whole-file run, and both equal the toolkit's whole-file run (the golden fixture:
 * the torch model on pad_stream of the numpy frontend's frames), with the tiny test encoder.
 */
class PhoneticStreamTest {

    /**
     * Java's frontend matches numpy's to 2e-6 and ONNX Runtime's float32 convolutions differ from
     * torch's in the last bits; through the tiny network that stays far below 1e-4, while a frame off
     * by one, a wrong padding or a wrong silence value moves outputs by 1e-2 and more.
     */
    private static final double TOLERANCE = 1e-4;

    private static OnnxEngine engine;
    private static EncoderGolden golden;

    @BeforeAll
    static void setUp() {
        engine = EncoderGolden.engine();
        golden = EncoderGolden.load();
    }

    @AfterAll
    static void tearDown() {
        engine.close();
    }

    @Test
    void aWholeFileRunEqualsThePythonGolden() {
        EncoderFrames whole = wholeFile(16);

        assertThat(whole.first()).isZero();
        assertThat(whole.count()).isEqualTo(golden.json.get("outputs").asInt())
                .isEqualTo((int) (LogMelFrontend.frameCount(golden.samples.length) + 1) / 2);
        assertClose("log_probs", whole.logProbRows(), golden.logProbs());
        assertClose("embeddings", whole.embeddingRows(), golden.embeddings());
    }

    @ParameterizedTest(name = "{0} outputs per call")
    @ValueSource(ints = {1, 3, 16, 200})
    void randomChunksOfSamplesGiveTheWholeFileRun(int outputsPerCall) {
        EncoderFrames whole = wholeFile(16);
        SplittableRandom random = new SplittableRandom(outputsPerCall);
        float[] samples = golden.samples;

        EncoderFrames streamed = stream(outputsPerCall, stream -> {
            List<EncoderFrames> parts = new ArrayList<>();
            for (int at = 0; at < samples.length; ) {
                int length = Math.min(samples.length - at, chunkSize(random));
                parts.add(stream.acceptSamples(samples, at, length));
                at += length;
            }
            return parts;
        });

        assertThat(streamed.count()).isEqualTo(whole.count());
        assertClose("log_probs", streamed.logProbRows(), whole.logProbRows());
        assertClose("embeddings", streamed.embeddingRows(), whole.embeddingRows());
    }

    @Test
    void pcmBytesSplitAnywhereGiveTheWholeFileRun() {
        EncoderFrames whole = wholeFile(16);
        byte[] pcm = Pcm16.toBytes(golden.samples);
        SplittableRandom random = new SplittableRandom(5);

        EncoderFrames streamed = stream(2, stream -> {
            List<EncoderFrames> parts = new ArrayList<>();
            for (int at = 0; at < pcm.length; ) {
                int length = Math.min(pcm.length - at, 2 * chunkSize(random) + random.nextInt(2));
                parts.add(stream.acceptPcm16(ByteBuffer.wrap(pcm, at, length)));
                at += length;
            }
            return parts;
        });

        assertClose("log_probs", streamed.logProbRows(), whole.logProbRows());
    }

    @Test
    void logMelFramesGiveTheWholeFileRun() {
        EncoderFrames whole = wholeFile(16);
        float[][] frames = new LogMelFrontend(80).compute(golden.samples);

        EncoderFrames streamed = stream(5, stream -> {
            List<EncoderFrames> parts = new ArrayList<>();
            for (int at = 0; at < frames.length; at += 7) {
                parts.add(stream.acceptFeatures(Arrays.copyOfRange(frames, at, Math.min(frames.length, at + 7))));
            }
            return parts;
        });

        assertClose("log_probs", streamed.logProbRows(), whole.logProbRows());
    }

    /** More audio in one chunk than one model call takes is encoded in several calls, with the same outputs. */
    @Test
    void aChunkLongerThanOneCallGivesWhatSmallChunksGive() {
        SplittableRandom random = new SplittableRandom(11);
        float[] samples = new float[30 * LogMelFrontend.SAMPLE_RATE];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) random.nextDouble(-0.2, 0.2);
        }

        EncoderFrames oneChunk = stream(16, stream -> List.of(stream.acceptSamples(samples)));
        EncoderFrames smallChunks = stream(16, stream -> {
            List<EncoderFrames> parts = new ArrayList<>();
            for (int at = 0; at < samples.length; at += 1600) {
                parts.add(stream.acceptSamples(samples, at, Math.min(1600, samples.length - at)));
            }
            return parts;
        });

        assertThat(oneChunk.count()).isEqualTo((int) (LogMelFrontend.frameCount(samples.length) + 1) / 2)
                .isGreaterThan(PhoneticStream.MAX_OUTPUTS_PER_CALL);
        assertClose("log_probs", oneChunk.logProbRows(), smallChunks.logProbRows());
        assertClose("embeddings", oneChunk.embeddingRows(), smallChunks.embeddingRows());
    }

    /** Outputs wait for the look-ahead and for outputsPerCall of them; a short clip gives its outputs at the end. */
    @Test
    void outputsArriveOnceTheirLookAheadAndACallsWorthAreIn() {
        try (PhoneticEncoder encoder = EncoderGolden.openTiny(engine, 4)) {
            PhoneticStream stream = encoder.newStream();
            int lookahead = encoder.spec().lookahead();
            // frames 0 .. lookahead + 8 - 1: outputs 0..3 have their look-ahead, output 4 lacks one frame
            int samples = LogMelFrontend.FRAME_LENGTH + (lookahead + 8 - 1) * LogMelFrontend.HOP_LENGTH;

            EncoderFrames first = stream.acceptSamples(golden.samples, 0, samples - 1);
            EncoderFrames second = stream.acceptSamples(golden.samples, samples - 1, 1);
            EncoderFrames last = stream.finish();

            assertThat(first.count()).isZero();
            assertThat(second.first()).isZero();
            assertThat(second.count()).isEqualTo(4);
            assertThat(last.first()).isEqualTo(4);
            assertThat(last.end()).isEqualTo((lookahead + 8 + 1) / 2);
            assertThat(stream.framesAccepted()).isEqualTo(lookahead + 8);
            assertThat(stream.outputsEmitted()).isEqualTo(last.end());
        }
    }

    @Test
    void audioShorterThanAFrameGivesNoOutputs() {
        try (PhoneticEncoder encoder = EncoderGolden.openTiny(engine, 1)) {
            PhoneticStream stream = encoder.newStream();

            assertThat(stream.acceptSamples(new float[399]).count()).isZero();
            assertThat(stream.finish().count()).isZero();
        }
    }

    @Test
    void aStreamTakesOneKindOfInputAndNothingAfterItsEnd() {
        try (PhoneticEncoder encoder = EncoderGolden.openTiny(engine, 1)) {
            PhoneticStream audio = encoder.newStream();
            audio.acceptSamples(new float[800]);
            assertThatThrownBy(() -> audio.acceptFeatures(new float[][] {new float[80]}))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("either audio or log-mel frames");
            audio.finish();
            assertThatThrownBy(() -> audio.acceptSamples(new float[10])).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(audio::finish).isInstanceOf(IllegalStateException.class);

            assertThatThrownBy(() -> encoder.newStream().acceptFeatures(new float[][] {new float[40]}))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("takes 80");
        }
    }

    /**
     * Greedy phones and the forced alignment of Java's own outputs are Python's: comparable because in the
     * fixture every output's best phone beats the second by far more than Java and torch differ.
     */
    @Test
    void decodingJavasOutputsGivesPythonsPhonesAndAlignment() {
        assertThat(golden.json.get("min_top2_margin").asDouble()).isGreaterThan(10 * TOLERANCE);
        try (PhoneticEncoder encoder = EncoderGolden.openTiny(engine, 16)) {
            float[][] logProbs = wholeFile(16).logProbRows();

            List<PhoneSegment> greedy = new CtcGreedyDecoder(encoder.spec()).decode(logProbs);
            CtcAlignment.Result alignment = new CtcAlignment(encoder.spec())
                    .align(logProbs, List.of(golden.json.get("alignment").get("transcript").asString().split(" ")));

            assertThat(CtcGreedyDecoder.phoneString(greedy)).isEqualTo(golden.json.get("greedy").get("phones").asString());
            GoldenDecodingTest.assertSameSegments(greedy, golden.json.get("greedy").get("segments"), 1e-4);
            GoldenDecodingTest.assertSameSegments(alignment.segments(), golden.json.get("alignment").get("segments"), 1e-4);
        }
    }

    private static int chunkSize(SplittableRandom random) {
        // From a single sample to four seconds, most of them small as a live stream sends.
        return switch (random.nextInt(4)) {
            case 0 -> 1 + random.nextInt(10);
            case 1 -> 1 + random.nextInt(400);
            case 2 -> 1 + random.nextInt(4000);
            default -> 1 + random.nextInt(64_000);
        };
    }

    private static EncoderFrames wholeFile(int outputsPerCall) {
        return stream(outputsPerCall, stream -> List.of(stream.acceptSamples(golden.samples)));
    }

    /** Feeds a new stream with {@code feed}, finishes it, and checks that the parts follow on from output 0. */
    private static EncoderFrames stream(int outputsPerCall, Function<PhoneticStream, List<EncoderFrames>> feed) {
        try (PhoneticEncoder encoder = EncoderGolden.openTiny(engine, outputsPerCall)) {
            PhoneticStream stream = encoder.newStream();
            List<EncoderFrames> parts = new ArrayList<>(feed.apply(stream));
            parts.add(stream.finish());
            return EncoderFrames.concat(parts);
        }
    }

    static void assertClose(String what, float[][] actual, float[][] expected) {
        assertThat(actual.length).as(what + " outputs").isEqualTo(expected.length);
        double maxDiff = 0;
        for (int t = 0; t < actual.length; t++) {
            assertThat(actual[t]).as(what + " row " + t).hasSameSizeAs(expected[t]);
            for (int i = 0; i < actual[t].length; i++) {
                maxDiff = Math.max(maxDiff, Math.abs(actual[t][i] - expected[t][i]));
            }
        }
        System.out.printf(Locale.ROOT, "%s: %d outputs, max abs diff %.2e%n", what, actual.length, maxDiff);
        assertThat(maxDiff).as(what + " max abs diff").isLessThanOrEqualTo(TOLERANCE);
    }
}
