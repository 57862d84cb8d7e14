package io.wakestream.asr.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The decoder on hand-made posteriors whose right lattice is known. */
class LatticeDecoderTest {

    private static final double CONFIDENT = 0.9;

    private static LatticeDecoder decoder(Map<String, Double> probabilities, Map<String, String> pronunciations,
                                          LatticeDecoderConfig config) {
        NgramLanguageModel lm = Toy.unigram(probabilities, 0.5);
        return LatticeDecoder.create(lm, Toy.tree(lm, pronunciations), config, "test");
    }

    private static Map<String, Double> probabilities(Object... pairs) {
        Map<String, Double> result = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            result.put((String) pairs[i], (Double) pairs[i + 1]);
        }
        return result;
    }

    private static void assertPosteriorsSumToOneAtEveryOutput(Lattice lattice) {
        for (int t = 0; t < lattice.frames(); t++) {
            assertThat(Toy.posteriorAt(lattice, t)).as("posterior mass at output " + t).isCloseTo(1.0, within(1e-6));
        }
        for (LatticeArc arc : lattice.arcs()) {
            assertThat(arc.posterior()).isBetween(0.0, 1.0);
        }
    }

    private static double posteriorOf(Lattice lattice, String word) {
        return lattice.arcs().stream().filter(a -> a.word().equals(word)).mapToDouble(LatticeArc::posterior).sum();
    }

    @Test
    void posteriorsThatSpellOneWordGiveThatWord() {
        LatticeDecoder decoder = decoder(probabilities("yes", 0.5, "no", 0.5), Toy.map("yes", "Y EH S", "no", "N OW"),
                LatticeDecoderConfig.defaults());
        Lattice lattice = decoder.decode(Toy.posteriors("_ Y Y EH S _", CONFIDENT));

        assertThat(lattice.oneBest()).containsExactly("yes");
        assertThat(Toy.paths(lattice)).allMatch(path -> path.equals(List.of("yes")));
        LatticeArc best = lattice.arcs().get(lattice.oneBestArcs().getFirst());
        assertThat(best.word()).isEqualTo("yes");
        assertThat(best.from()).isZero();
        assertThat(best.startFrame()).isZero();
        assertThat(best.endFrame()).isEqualTo(5);
        assertThat(best.amCost()).isCloseTo(-5 * Math.log(CONFIDENT), within(1e-5));
        assertThat(best.lmCost()).isCloseTo(-Math.log(0.5), within(1e-6));
        assertThat(best.posterior()).isGreaterThan(0.99);
        LatticeArc end = lattice.arcs().get(lattice.oneBestArcs().getLast());
        assertThat(end.word()).isEqualTo("</s>");
        assertThat(end.to()).isEqualTo(lattice.finalNode());
        assertThat(end.startFrame()).isEqualTo(5);
        assertThat(end.endFrame()).isEqualTo(6);
        assertPosteriorsSumToOneAtEveryOutput(lattice);
        assertThat(lattice.oneBestText()).isEqualTo("yes");
    }

    @Test
    void homophonesShareTheAcousticsAndSplitThePosteriorByTheLanguageModel() {
        LatticeDecoder decoder = decoder(probabilities("two", 0.6, "too", 0.3), Toy.map("two", "T UW", "too", "T UW"),
                LatticeDecoderConfig.defaults());
        Lattice lattice = decoder.decode(Toy.posteriors("_ T UW _", CONFIDENT));

        assertThat(lattice.oneBest()).containsExactly("two");
        assertThat(posteriorOf(lattice, "two") / posteriorOf(lattice, "too")).isCloseTo(2.0, within(1e-6));
        assertThat(posteriorOf(lattice, "two") + posteriorOf(lattice, "too")).isCloseTo(1.0, within(1e-6));
        assertPosteriorsSumToOneAtEveryOutput(lattice);

        // without the LM the two are equally likely
        LatticeDecoder acousticOnly = decoder(probabilities("two", 0.6, "too", 0.3), Toy.map("two", "T UW", "too", "T UW"),
                LatticeDecoderConfig.defaults().withLmWeight(0));
        Lattice flat = acousticOnly.decode(Toy.posteriors("_ T UW _", CONFIDENT));
        assertThat(posteriorOf(flat, "two")).isCloseTo(0.5, within(1e-6));
    }

    @Test
    void nearWordsOnAnAmbiguousVowelGiveTwoPathsWhosePosteriorsSumToOne() {
        LatticeDecoder decoder = decoder(probabilities("bat", 0.5, "bet", 0.5), Toy.map("bat", "B AE T", "bet", "B EH T"),
                LatticeDecoderConfig.defaults());
        Lattice lattice = decoder.decode(Toy.posteriors("_ B AE/EH T _", CONFIDENT));

        assertThat(Toy.paths(lattice)).contains(List.of("bat"), List.of("bet"));
        assertThat(posteriorOf(lattice, "bat")).isCloseTo(0.5, within(1e-6));
        assertThat(posteriorOf(lattice, "bet")).isCloseTo(0.5, within(1e-6));
        assertPosteriorsSumToOneAtEveryOutput(lattice);
        // an exact tie goes to the first arc in (from, to, word) order
        assertThat(lattice.oneBest()).containsExactly("bat");
    }

    @Test
    void aDoubledPhoneNeedsABlankInsideAWordAndAcrossWords() {
        Map<String, Double> lm = probabilities("ss", 0.9, "s", 0.05);
        Map<String, String> words = Toy.map("ss", "S S", "s", "S");
        LatticeDecoder decoder = decoder(lm, words, LatticeDecoderConfig.defaults());

        // S S S S without a blank collapses to one S: "ss" needs a blank output between its two S, so it loses
        // although the LM prefers it by ln(18) (with 0.9 confident outputs a blank costs ln(390) = 5.97 nats)
        Lattice collapsed = decoder.decode(Toy.posteriors("_ S S S S _", CONFIDENT));
        assertThat(collapsed.oneBest()).containsExactly("s");
        // with sure outputs (a blank costs 15 nats) no path but "s" is within the lattice beam
        Lattice sure = decoder.decode(Toy.posteriors("_ S S S S _", 0.99999));
        assertThat(Toy.paths(sure)).isNotEmpty().allMatch(path -> path.equals(List.of("s")));

        // across words too: a bonus of 5 nats a word cannot split S S S S into "s s"
        LatticeDecoder eager = decoder(probabilities("s", 0.9), Toy.map("s", "S"),
                LatticeDecoderConfig.defaults().withWordInsertionPenalty(-5));
        assertThat(eager.decode(Toy.posteriors("_ S S S S _", 0.99999)).oneBest()).containsExactly("s");
        assertThat(eager.decode(Toy.posteriors("_ S S _ S S _", 0.99999)).oneBest()).containsExactly("s", "s");

        // with a blank between, two S are there: the LM picks "ss" over "s s"
        Lattice doubled = decoder.decode(Toy.posteriors("_ S S _ S S _", CONFIDENT));
        assertThat(doubled.oneBest()).containsExactly("ss");
        assertThat(Toy.paths(doubled)).contains(List.of("ss")).noneMatch(path -> path.equals(List.of("s")));
        assertPosteriorsSumToOneAtEveryOutput(doubled);
    }

    @Test
    void theWordInsertionPenaltyTradesWordsForCost() {
        Map<String, Double> lm = probabilities("ss", 0.5, "s", 0.5);
        Map<String, String> words = Toy.map("ss", "S S", "s", "S");
        float[][] input = Toy.posteriors("_ S S _ S S _", CONFIDENT);
        assertThat(decoder(lm, words, LatticeDecoderConfig.defaults().withWordInsertionPenalty(3)).decode(input).oneBest())
                .containsExactly("ss");
        assertThat(decoder(lm, words, LatticeDecoderConfig.defaults().withWordInsertionPenalty(-3)).decode(input).oneBest())
                .containsExactly("s", "s");
    }

    @Test
    void pruningRemovesAWeakPath() {
        Map<String, Double> lm = probabilities("bat", 0.5, "bet", 0.5);
        Map<String, String> words = Toy.map("bat", "B AE T", "bet", "B EH T");
        float[][] input = Toy.posteriors("_ B AE T _", CONFIDENT);
        input[2] = Toy.row(Map.of("AE", 0.9, "EH", 0.05)); // bet is ln(18) = 2.89 nats worse

        Lattice wide = decoder(lm, words, LatticeDecoderConfig.defaults()).decode(input);
        assertThat(Toy.paths(wide)).contains(List.of("bat"), List.of("bet"));
        assertThat(posteriorOf(wide, "bet")).isCloseTo(0.05 / 0.95, within(1e-3));

        Lattice latticeBeam = decoder(lm, words, LatticeDecoderConfig.defaults().withLatticeBeam(2.0)).decode(input);
        assertThat(Toy.paths(latticeBeam)).isNotEmpty().allMatch(path -> path.equals(List.of("bat")));
        assertThat(posteriorOf(latticeBeam, "bat")).isCloseTo(1.0, within(1e-9));

        Lattice searchBeam = decoder(lm, words, LatticeDecoderConfig.defaults().withBeam(2.0)).decode(input);
        assertThat(searchBeam.arcs()).noneMatch(arc -> arc.word().equals("bet"));
        assertThat(searchBeam.oneBest()).containsExactly("bat");

        Lattice oneToken = decoder(lm, words, LatticeDecoderConfig.defaults().withMaxActive(1)).decode(input);
        assertThat(oneToken.arcs()).noneMatch(arc -> arc.word().equals("bet"));
        assertThat(oneToken.oneBest()).containsExactly("bat");
    }

    @Test
    void whenPruningLeavesOnlyTokensInsideAWordTheWordStillEndsAtTheLastOutput() {
        // one token per output, and a penalty that makes "after the word" (B0, penalty paid) worse than "blank
        // after the last phone" (B(S), not yet paid): the search ends with no token at a word boundary
        LatticeDecoder decoder = decoder(probabilities("yes", 0.5), Toy.map("yes", "Y EH S"),
                LatticeDecoderConfig.defaults().withMaxActive(1).withWordInsertionPenalty(1.0));
        Lattice lattice = decoder.decode(Toy.posteriors("_ Y EH S _", CONFIDENT));
        assertThat(lattice.oneBest()).containsExactly("yes");
        LatticeArc word = lattice.arcs().get(lattice.oneBestArcs().getFirst());
        assertThat(word.endFrame()).isEqualTo(5);
        assertThat(word.amCost()).isCloseTo(-5 * Math.log(CONFIDENT), within(1e-5));
        assertPosteriorsSumToOneAtEveryOutput(lattice);
    }

    @Test
    void noOutputsGiveTheEmptySentence() {
        LatticeDecoder decoder = decoder(probabilities("yes", 0.5), Toy.map("yes", "Y EH S"), LatticeDecoderConfig.defaults());
        Lattice lattice = decoder.decode(new float[0][]);
        assertThat(lattice.nodes()).isEqualTo(2);
        assertThat(lattice.arcs()).singleElement().satisfies(arc -> {
            assertThat(arc.word()).isEqualTo("</s>");
            assertThat(arc.posterior()).isEqualTo(1.0);
            assertThat(arc.lmCost()).isCloseTo(-Math.log(0.5), within(1e-6));
        });
        assertThat(lattice.oneBest()).isEmpty();

        Lattice silence = decoder.decode(Toy.posteriors("_ _ _", CONFIDENT));
        assertThat(silence.oneBest()).isEmpty();
        assertPosteriorsSumToOneAtEveryOutput(silence);
    }

    @Test
    void refusesBadInputAndCallsAfterClose() {
        LatticeDecoder decoder = decoder(probabilities("yes", 0.5), Toy.map("yes", "Y EH S"), LatticeDecoderConfig.defaults());
        assertThatThrownBy(() -> decoder.decode(new float[][] {new float[39]})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("39 log-posteriors, expected 40");
        float[][] nan = Toy.posteriors("_", CONFIDENT);
        nan[0][3] = Float.NaN;
        assertThatThrownBy(() -> decoder.decode(nan)).isInstanceOf(IllegalArgumentException.class);
        decoder.close();
        assertThatThrownBy(() -> decoder.decode(Toy.posteriors("_", CONFIDENT))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new LatticeDecoderConfig(1, 0, 0, 10, 1, 1, 20)).hasMessageContaining("beam");
        assertThatThrownBy(() -> LatticeDecoder.create(Toy.unigram(Map.of("a", 0.5), 0.5),
                LexiconTree.of(List.of(new LexiconTree.Entry(99, new int[] {3}))), LatticeDecoderConfig.defaults(), "x"))
                .hasMessageContaining("word id 99");
    }
}
