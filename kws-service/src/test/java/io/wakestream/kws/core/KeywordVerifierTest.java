package io.wakestream.kws.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.wakestream.common.audio.Mono16k;
import io.wakestream.common.audio.Pcm16;
import io.wakestream.common.model.ModelException;
import io.wakestream.common.model.ModelNotFoundException;
import io.wakestream.common.model.ModelRepository;
import io.wakestream.common.model.Sha256;
import io.wakestream.common.onnx.OnnxConfig;
import io.wakestream.common.onnx.OnnxEngine;
import io.wakestream.common.onnx.OnnxProvider;
import io.wakestream.common.phonetic.EncoderFrames;
import io.wakestream.common.phonetic.PhoneSet;
import io.wakestream.common.phonetic.PhoneticEncoder;
import io.wakestream.common.phonetic.PhoneticEncoderConfig;
import io.wakestream.common.phonetic.PhoneticStream;
import io.wakestream.kws.TestModels;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verification pipeline with the tiny test verifier (a fixed formula of its inputs), common's tiny phonetic
 * encoder (random weights) and the project's G2P: the verdict is the one an independent recomputation of the
 * contract gives, whatever the models' quality.
 */
class KeywordVerifierTest {

    private static final KeywordVerifierConfig CONFIG =
            KeywordVerifierConfig.defaults().withModel("kws-verifier", TestModels.VERIFIER_VERSION);

    private static OnnxEngine engine;
    private static KeywordVerifier verifier;
    private static byte[] timer;

    @TempDir
    Path dir;

    @BeforeAll
    static void open() throws IOException {
        engine = new OnnxEngine(OnnxConfig.defaults().withProvider(OnnxProvider.CPU));
        verifier = KeywordVerifier.open(new ModelRepository(TestModels.directory()), CONFIG, engine);
        try (InputStream wav = KeywordVerifierTest.class.getResourceAsStream("/samples/hey-jarvis-timer.wav")) {
            // the first 1.6 s: about the trigger window a detection carries
            timer = Arrays.copyOf(Pcm16.toBytes(Mono16k.read(wav)), 2 * 25_600);
        }
    }

    @AfterAll
    static void close() {
        verifier.close();
        engine.close();
    }

    @Test
    void opensTheVerifierTheEncoderItNamesAndTheG2p() {
        assertThat(verifier.modelId()).isEqualTo("kws-verifier/0.0.0-tiny");
        assertThat(verifier.encoderId()).isEqualTo("phonetic-encoder/0.0.0-tiny");
        assertThat(verifier.g2pModelId()).startsWith("g2p/");
        assertThat(verifier.threshold()).isEqualTo(0.5);
        assertThat(verifier.spec().spans()).isEqualTo(new SpanPlan(50, 5, 25, 5));
        assertThat(verifier.spec().partition()).isEqualTo(PartitionMethod.DSP);
    }

    @Test
    void theVerdictIsTheBestSpanOfAnIndependentRecomputation() {
        Verification verification = verifier.verify(timer, "Hey Jarvis");

        List<String> phones = List.of("HH", "EY", "JH", "AA", "R", "V", "IH", "S");
        assertThat(verification.phrase()).isEqualTo("Hey Jarvis");
        assertThat(verification.phones()).isEqualTo(phones);
        assertThat(verification.model()).isEqualTo("kws-verifier/0.0.0-tiny");
        assertThat(verification.reason()).isNull();

        Reference expected = recompute(timer, phones);
        assertThat(verification.score()).isCloseTo(expected.score, within(1e-5));
        assertThat(verification.accepted()).isEqualTo(verification.score() >= 0.5);
        assertThat(verification.spanStartMs()).isEqualTo(20L * expected.span.start());
        assertThat(verification.spanEndMs()).isEqualTo(20L * expected.span.end());
        assertThat(verification.segments()).hasSize(8);
        for (int k = 0; k < 8; k++) {
            PhoneAlignment segment = verification.segments().get(k);
            assertThat(segment.unit()).isEqualTo(phones.get(k));
            assertThat(segment.startMs()).isEqualTo(20L * (expected.span.start() + expected.partition.start(k)));
            assertThat(segment.endMs()).isEqualTo(20L * (expected.span.start() + expected.partition.end(k)));
        }
        assertThat(verification.segments().getFirst().startMs()).isEqualTo(verification.spanStartMs());
        assertThat(verification.segments().getLast().endMs()).isEqualTo(verification.spanEndMs());
    }

    @Test
    void aClipWithFewerOutputsThanPhonesIsTooShortAndRejected() {
        Verification tooShort = verifier.verify(new byte[2 * 1600], "hey jarvis");
        Verification empty = verifier.verify(new byte[0], "hey jarvis");

        for (Verification verification : List.of(tooShort, empty)) {
            assertThat(verification.reason()).isEqualTo(Verification.TOO_SHORT);
            assertThat(verification.score()).isZero();
            assertThat(verification.accepted()).isFalse();
            assertThat(verification.segments()).isEmpty();
            assertThat(verification.phones()).hasSize(8);
        }
    }

    @Test
    void theConfiguredThresholdOverridesTheManifests() {
        try (KeywordVerifier lenient = KeywordVerifier.open(new ModelRepository(TestModels.directory()),
                CONFIG.withThreshold(0.0), engine);
             KeywordVerifier strict = KeywordVerifier.open(new ModelRepository(TestModels.directory()),
                     CONFIG.withThreshold(1.0), engine)) {
            assertThat(lenient.verify(timer, "hey jarvis").accepted()).isTrue();
            assertThat(strict.verify(timer, "hey jarvis").accepted()).isFalse();
            assertThat(strict.verify(timer, "hey jarvis").threshold()).isEqualTo(1.0);
        }
    }

    @Test
    void callsFromManyThreadsGiveTheSameVerdict() throws Exception {
        Verification alone = verifier.verify(timer, "hey jarvis");
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            List<Future<Verification>> results = threads.invokeAll(
                    java.util.Collections.nCopies(8, () -> verifier.verify(timer, "hey jarvis")));
            for (Future<Verification> result : results) {
                assertThat(result.get()).isEqualTo(alone);
            }
        }
    }

    @Test
    void invalidInputIsRefusedSayingWhy() {
        assertThatThrownBy(() -> verifier.verify(new byte[3], "hey jarvis")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("even number of bytes");
        assertThatThrownBy(() -> verifier.verify(timer, " !? ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no phones");
    }

    @Test
    void aClosedVerifierRefusesCalls() {
        KeywordVerifier closed = KeywordVerifier.open(new ModelRepository(TestModels.directory()), CONFIG, engine);
        closed.close();

        assertThatThrownBy(() -> closed.verify(timer, "hey jarvis")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aMissingModelSaysWhereItLooked() {
        assertThatThrownBy(() -> KeywordVerifier.open(new ModelRepository(dir), KeywordVerifierConfig.defaults(), engine))
                .isInstanceOf(ModelNotFoundException.class).hasMessageContaining("kws-verifier");
    }

    @Test
    void phoneVectorsOfAnotherSizeThanTheEncodersEmbeddingsAreRefused() throws IOException {
        Path models = TestModels.copyWithVerifier(dir);
        Path version = models.resolve("kws-verifier").resolve(TestModels.VERIFIER_VERSION);
        StringBuilder vectors = new StringBuilder("{\"phones\": [\"AA\"], \"dimension\": 4, \"vectors\": [[0.5, 0.5, 0.5, 0.5]]}");
        Path table = Files.writeString(version.resolve("phone-vectors.json"), vectors);
        String manifest = Files.readString(version.resolve("manifest.json"));
        String oldSha = manifest.replaceAll("(?s).*\"phone-vectors.json\",\\s*\"sha256\": \"([0-9a-f]{64})\".*", "$1");
        Files.writeString(version.resolve("manifest.json"), manifest.replace(oldSha, Sha256.of(table)));

        // a fresh engine: the shared one holds the encoder under its other path
        try (OnnxEngine fresh = new OnnxEngine(OnnxConfig.defaults().withProvider(OnnxProvider.CPU))) {
            assertThatThrownBy(() -> KeywordVerifier.open(new ModelRepository(models), CONFIG, fresh))
                    .isInstanceOf(ModelException.class).hasMessageContaining("dimension 4").hasMessageContaining("embeddings of 8");
        }
    }

    @Test
    void aManifestWithoutItsArchitectureIsRefused() throws IOException {
        Path models = TestModels.copyWithVerifier(dir);
        Path manifest = models.resolve("kws-verifier").resolve(TestModels.VERIFIER_VERSION).resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"span_hop_frames\": 5", "\"span_hop_frames\": \"5\""));

        assertThatThrownBy(() -> KeywordVerifier.open(new ModelRepository(models), CONFIG, engine))
                .isInstanceOf(ModelException.class).hasMessageContaining("span_hop_frames");
    }

    private record Reference(double score, SpanPlan.Span span, Partition partition) {
    }

    /** The contract, step by step, with the tiny verifier's formula in place of its graph. */
    private static Reference recompute(byte[] pcm, List<String> phones) {
        PhoneticEncoder encoder = PhoneticEncoder.open(new ModelRepository(TestModels.directory()),
                new PhoneticEncoderConfig("phonetic-encoder", "0.0.0-tiny", 16), engine);
        PhoneticStream stream = encoder.newStream();
        EncoderFrames frames = EncoderFrames.concat(List.of(stream.acceptPcm16(pcm), stream.finish()));
        float[][] rows = frames.embeddingRows();
        float[][] logProbs = frames.logProbRows();
        double[] w = new double[rows.length];
        for (int u = 0; u < rows.length; u++) {
            w[u] = (float) (1.0 - (float) Math.exp(logProbs[u][0]));
        }
        int[] ids = phones.stream().mapToInt(PhoneSet.arpabet()::index).toArray();
        double[][] e = new double[rows.length][];
        for (int u = 0; u < rows.length; u++) {
            double norm = 0;
            for (float v : rows[u]) {
                norm += (double) v * v;
            }
            e[u] = new double[rows[u].length];
            for (int d = 0; d < rows[u].length; d++) {
                e[u][d] = norm == 0 ? 0 : (float) (rows[u][d] / Math.sqrt(norm));
            }
        }
        PhoneVectors table = PhoneVectors.read(TestModels.directory()
                .resolve("kws-verifier/0.0.0-tiny/phone-vectors.json"));
        float[] p = table.matrix(phones);
        int k = phones.size();
        int dim = table.dimension();
        Reference best = null;
        for (SpanPlan.Span span : new SpanPlan(50, 5, 25, 5).spans(rows.length, k)) {
            double[][] s = new double[span.frames()][k];
            double simSum = 0;
            for (int u = 0; u < span.frames(); u++) {
                for (int j = 0; j < k; j++) {
                    double dot = 0;
                    for (int d = 0; d < dim; d++) {
                        dot += e[span.start() + u][d] * p[j * dim + d];
                    }
                    s[u][j] = (float) (dot * w[span.start() + u]);
                    simSum += s[u][j];
                }
            }
            Partition partition = SequencePartitioner.partition(s);
            double agreement = 0;
            double framesSum = 0;
            double peaks = 0;
            for (int j = 0; j < k; j++) {
                double weights = 0;
                float peak = 0;
                for (int u = partition.start(j); u < partition.end(j); u++) {
                    weights += w[span.start() + u];
                    peak = Math.max(peak, (float) Math.exp(logProbs[span.start() + u][ids[j]]));
                }
                for (int d = 0; d < dim; d++) {
                    double sum = 0;
                    for (int u = partition.start(j); u < partition.end(j); u++) {
                        sum += w[span.start() + u] * e[span.start() + u][d];
                    }
                    agreement += (float) (sum / Math.max(weights, 1e-3)) * p[j * dim + d];
                }
                framesSum += partition.length(j);
                peaks += peak;
            }
            double logit = 4 * simSum / (span.frames() * k) + 4 * agreement / (k * dim) + 0.01 * framesSum / k
                    + 2 * peaks / k - 1;
            double score = 1 / (1 + Math.exp(-logit));
            if (best == null || score > best.score) {
                best = new Reference(score, span, partition);
            }
        }
        return best;
    }
}
