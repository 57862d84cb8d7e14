package io.wakestream.asr.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.wakestream.events.v1.Lattice.Builder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The writers, read back by small parsers of each format. */
class LatticeFormatsTest {

    static Lattice sample() {
        NgramLanguageModel lm = Toy.unigram(Map.of("bat", 0.4, "bet", 0.4, "what's", 0.2), 0.5);
        LexiconTree tree = Toy.tree(lm, Toy.map("bat", "B AE T", "bet", "B EH T", "what's", "W AH T S"));
        LatticeDecoder decoder = LatticeDecoder.create(lm, tree, LatticeDecoderConfig.defaults().withWordInsertionPenalty(0.5),
                "toy/1");
        return decoder.decode(Toy.posteriors("_ B AE/EH T _ W AH T S _ _", 0.9));
    }

    /** An arc as a text format gives it back. */
    record Parsed(int from, int to, String word, double value, double second, double third) {
    }

    static List<Parsed> parseSlf(String text, Map<Integer, Double> times) {
        List<Parsed> arcs = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            Map<String, String> fields = new HashMap<>();
            for (String field : line.split("\t")) {
                int eq = field.indexOf('=');
                fields.put(field.substring(0, eq), field.substring(eq + 1));
            }
            if (fields.containsKey("I")) {
                times.put(Integer.parseInt(fields.get("I")), Double.parseDouble(fields.get("t")));
            } else if (fields.containsKey("J")) {
                arcs.add(new Parsed(Integer.parseInt(fields.get("S")), Integer.parseInt(fields.get("E")),
                        fields.get("W").replaceAll("\\\\(.)", "$1"), Double.parseDouble(fields.get("a")),
                        Double.parseDouble(fields.get("l")), Double.parseDouble(fields.get("p"))));
            }
        }
        return arcs;
    }

    @Test
    void slfParsesBackToTheSameArcs() {
        Lattice lattice = sample();
        assertThat(lattice.arcs()).anyMatch(arc -> arc.word().equals("what's"));
        String slf = LatticeFormats.toSlf(lattice, "utt-1");
        assertThat(slf).contains("VERSION=1.0\n", "UTTERANCE=utt-1\n", "lmscale=1.000000\n", "wdpenalty=-0.500000\n",
                "N=" + lattice.nodes() + "\tL=" + lattice.arcs().size() + "\n", "W=what\\'s");
        Map<Integer, Double> times = new HashMap<>();
        List<Parsed> parsed = parseSlf(slf, times);
        assertThat(parsed).hasSameSizeAs(lattice.arcs());
        assertThat(times).hasSize(lattice.nodes());
        for (int i = 0; i < parsed.size(); i++) {
            LatticeArc arc = lattice.arcs().get(i);
            Parsed back = parsed.get(i);
            assertThat(back.from()).isEqualTo(arc.from());
            assertThat(back.to()).isEqualTo(arc.to());
            assertThat(back.word()).isEqualTo(arc.word());
            assertThat(-back.value()).isCloseTo(arc.amCost(), within(1e-6));
            assertThat(-back.second()).isCloseTo(arc.lmCost(), within(1e-6));
            assertThat(back.third()).isCloseTo(arc.posterior(), within(1e-6));
            assertThat(Math.round(times.get(back.from()) * 1000 / lattice.frameMillis())).isEqualTo(arc.startFrame());
            assertThat(Math.round(times.get(back.to()) * 1000 / lattice.frameMillis())).isEqualTo(arc.endFrame());
        }
    }

    @Test
    void openFstTextParsesBackToTheSameArcs() {
        Lattice lattice = sample();
        String fst = LatticeFormats.toFstText(lattice);
        List<Parsed> arcs = new ArrayList<>();
        List<Integer> finals = new ArrayList<>();
        for (String line : fst.split("\n")) {
            String[] fields = line.split("\t");
            if (fields.length == 5) {
                assertThat(fields[2]).isEqualTo(fields[3]);
                arcs.add(new Parsed(Integer.parseInt(fields[0]), Integer.parseInt(fields[1]), fields[2],
                        Double.parseDouble(fields[4]), 0, 0));
            } else {
                assertThat(fields).hasSize(2);
                assertThat(Double.parseDouble(fields[1])).isZero();
                finals.add(Integer.parseInt(fields[0]));
            }
        }
        assertThat(finals).containsExactly(lattice.finalNode());
        assertThat(arcs.getFirst().from()).as("the first line's source is the start state").isZero();
        assertThat(arcs).hasSameSizeAs(lattice.arcs());
        for (int i = 0; i < arcs.size(); i++) {
            LatticeArc arc = lattice.arcs().get(i);
            assertThat(arcs.get(i).from()).isEqualTo(arc.from());
            assertThat(arcs.get(i).to()).isEqualTo(arc.to());
            assertThat(arcs.get(i).word()).isEqualTo(arc.word());
            assertThat(arcs.get(i).value()).isCloseTo(lattice.cost(arc), within(1e-6));
        }
        String symbols = LatticeFormats.toFstSymbols(lattice);
        assertThat(symbols).startsWith("<eps>\t0\n").contains("</s>\t", "bat\t", "what's\t");
    }

    @Test
    void protobufCarriesEveryArc() throws Exception {
        Lattice lattice = sample();
        io.wakestream.events.v1.Lattice event = LatticeFormats.toProto(lattice, "det-1");
        io.wakestream.events.v1.Lattice back = io.wakestream.events.v1.Lattice.parseFrom(event.toByteArray());
        assertThat(back.getDetectionId()).isEqualTo("det-1");
        assertThat(back.getNodes()).isEqualTo(lattice.nodes());
        assertThat(back.getModel()).isEqualTo("toy/1");
        assertThat(back.getOneBest()).isEqualTo(lattice.oneBestText()).isIn("bat what's", "bet what's");
        assertThat(back.getArcsCount()).isEqualTo(lattice.arcs().size());
        for (int i = 0; i < back.getArcsCount(); i++) {
            io.wakestream.events.v1.LatticeArc arc = back.getArcs(i);
            LatticeArc expected = lattice.arcs().get(i);
            assertThat(arc.getFrom()).isEqualTo(expected.from());
            assertThat(arc.getTo()).isEqualTo(expected.to());
            assertThat(arc.getWord()).isEqualTo(expected.word());
            assertThat(arc.getStartFrame()).isEqualTo(expected.startFrame());
            assertThat(arc.getEndFrame()).isEqualTo(expected.endFrame());
            assertThat((double) arc.getAmCost()).isCloseTo(expected.amCost(), within(1e-5));
            assertThat((double) arc.getLmCost()).isCloseTo(expected.lmCost(), within(1e-5));
            assertThat((double) arc.getPosterior()).isCloseTo(expected.posterior(), within(1e-6));
        }
        Builder empty = io.wakestream.events.v1.Lattice.newBuilder();
        assertThat(LatticeFormats.toProto(Lattice.empty("m", 3, 20, 1, 0), "d"))
                .isEqualTo(empty.setDetectionId("d").setModel("m").build());
        assertThat(LatticeFormats.toFstText(Lattice.empty("m", 3, 20, 1, 0))).isEmpty();
    }
}
