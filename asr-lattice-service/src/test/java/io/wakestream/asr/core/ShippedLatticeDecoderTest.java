package io.wakestream.asr.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.wakestream.common.audio.Mono16k;
import io.wakestream.common.model.ModelRepository;
import io.wakestream.common.onnx.OnnxConfig;
import io.wakestream.common.onnx.OnnxEngine;
import io.wakestream.common.onnx.OnnxProvider;
import io.wakestream.common.phonetic.EncoderFrames;
import io.wakestream.common.phonetic.PhoneticEncoder;
import io.wakestream.common.phonetic.PhoneticEncoderConfig;
import io.wakestream.common.phonetic.PhoneticStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The decoder with the shipped language model and its decoding lexicon: structural properties on random
 * posteriors, determinism, and a run over a bundled sample through the shipped phonetic encoder. The encoder
 * is weak (phone error rate 39 % clean on held-out voices), so no word is asserted.
 */
class ShippedLatticeDecoderTest {

    private static final Path SAMPLE = Path.of("../common/src/main/resources/samples/hey-jarvis-timer.wav");

    private static LanguageModelBundle bundle;
    private static LexiconTree tree;
    private static LatticeDecoder decoder;

    @BeforeAll
    static void load() {
        bundle = LanguageModelBundle.open(ShippedLanguageModelTest.MODELS, LanguageModelBundle.DEFAULT_MODEL, null);
        tree = LexiconTree.forVocabulary(bundle.lm(), bundle.lexicon(), null);
        decoder = LatticeDecoder.create(bundle.lm(), tree, LatticeDecoderConfig.defaults(), bundle.id());
    }

    @AfterAll
    static void close() {
        decoder.close();
    }

    /** Peaky random posteriors, as a CTC encoder gives: mostly blank, now and then a phone. */
    static float[][] randomPosteriors(long seed, int frames) {
        Random random = new Random(seed);
        float[][] rows = new float[frames][40];
        for (int t = 0; t < frames; t++) {
            double[] logits = new double[40];
            for (int i = 0; i < 40; i++) {
                logits[i] = random.nextGaussian();
            }
            logits[random.nextDouble() < 0.5 ? 0 : 1 + random.nextInt(39)] += 6;
            logits[1 + random.nextInt(39)] += 4;
            double max = Arrays.stream(logits).max().orElseThrow();
            double sum = Arrays.stream(logits).map(x -> Math.exp(x - max)).sum();
            for (int i = 0; i < 40; i++) {
                rows[t][i] = (float) (logits[i] - max - Math.log(sum));
            }
        }
        return rows;
    }

    static void assertWellFormed(Lattice lattice) {
        assertThat(lattice.isEmpty()).isFalse();
        assertThat(lattice.nodeFrames().getFirst()).isZero();
        assertThat(lattice.nodeFrames().getLast()).isEqualTo(lattice.frames());
        for (LatticeArc arc : lattice.arcs()) {
            assertThat(arc.posterior()).isBetween(0.0, 1.0);
            assertThat(arc.from()).isLessThan(arc.to());
            assertThat(arc.startFrame()).isEqualTo(lattice.nodeFrames().get(arc.from()));
            assertThat(arc.endFrame()).isEqualTo(lattice.nodeFrames().get(arc.to()));
            assertThat(arc.word().equals("</s>")).isEqualTo(arc.to() == lattice.finalNode());
            assertThat(arc.amCost()).isNotNegative();
            assertThat(arc.lmCost()).isNotNegative();
        }
        for (int t = 0; t < lattice.frames(); t++) {
            assertThat(Toy.posteriorAt(lattice, t)).as("posterior mass at output " + t).isCloseTo(1.0, within(1e-6));
        }
        // the 1-best is a path of the lattice from the start to the final node, and the cheapest one
        List<Integer> path = lattice.oneBestArcs();
        assertThat(lattice.arcs().get(path.getFirst()).from()).isZero();
        assertThat(lattice.arcs().get(path.getLast()).to()).isEqualTo(lattice.finalNode());
        for (int i = 1; i < path.size(); i++) {
            assertThat(lattice.arcs().get(path.get(i)).from()).isEqualTo(lattice.arcs().get(path.get(i - 1)).to());
        }
        double[] best = new double[lattice.nodes()];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        best[0] = 0;
        for (LatticeArc arc : lattice.arcs()) {
            best[arc.to()] = Math.min(best[arc.to()], best[arc.from()] + lattice.cost(arc));
        }
        assertThat(lattice.oneBestCost()).isCloseTo(best[lattice.finalNode()], within(1e-6));
    }

    @Test
    void latticesOfRandomPosteriorsAreWellFormed() {
        for (long seed = 1; seed <= 3; seed++) {
            Lattice lattice = decoder.decode(randomPosteriors(seed, 60));
            assertWellFormed(lattice);
            assertThat(lattice.model()).isEqualTo(bundle.id());
        }
    }

    @Test
    void decodingIsDeterministic() {
        float[][] input = randomPosteriors(7, 80);
        Lattice first = decoder.decode(input);
        Lattice second = decoder.decode(input);
        LatticeDecoder fresh = LatticeDecoder.create(bundle.lm(), LexiconTree.forVocabulary(bundle.lm(), bundle.lexicon(), null),
                LatticeDecoderConfig.defaults(), bundle.id());
        Lattice third = fresh.decode(input);
        assertThat(second).isEqualTo(first);
        assertThat(third).isEqualTo(first);
        assertThat(LatticeFormats.toSlf(third, "x")).isEqualTo(LatticeFormats.toSlf(first, "x"));
        assertThat(LatticeFormats.toProto(third, "x").toByteArray()).isEqualTo(LatticeFormats.toProto(first, "x").toByteArray());
    }

    @Test
    void theBundledTimerRequestThroughTheShippedEncoder() throws IOException {
        float[] audio = Mono16k.read(SAMPLE);
        try (OnnxEngine engine = new OnnxEngine(OnnxConfig.defaults().withProvider(OnnxProvider.CPU));
             PhoneticEncoder encoder = PhoneticEncoder.open(new ModelRepository(ShippedLanguageModelTest.MODELS),
                     PhoneticEncoderConfig.defaults(), engine)) {
            PhoneticStream stream = encoder.newStream();
            EncoderFrames frames = EncoderFrames.concat(List.of(stream.acceptSamples(audio), stream.finish()));
            long started = System.nanoTime();
            Lattice lattice = decoder.decode(frames);
            double millis = (System.nanoTime() - started) / 1e6;
            System.out.printf("hey-jarvis-timer.wav (%d outputs, %.0f ms to decode, %d nodes, %d arcs): %s%n",
                    lattice.frames(), millis, lattice.nodes(), lattice.arcs().size(), lattice.oneBestText());
            assertThat(lattice.frames()).isEqualTo(frames.count());
            assertWellFormed(lattice);
            assertThat(lattice.oneBest()).isNotEmpty();
        }
    }
}
