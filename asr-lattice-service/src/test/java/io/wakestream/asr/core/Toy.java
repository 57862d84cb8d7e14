package io.wakestream.asr.core;

import io.wakestream.common.phonetic.PhoneSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Hand-made vocabularies, language models and posteriors for the decoder's tests. */
final class Toy {

    static final PhoneSet PHONES = PhoneSet.arpabet();

    private Toy() {
    }

    /**
     * A unigram model (order 1) with the given word probabilities and P(</s>) = {@code end}; every history has the
     * same state, so arcs of words that sound alike enter the same lattice node.
     */
    static NgramLanguageModel unigram(Map<String, Double> probabilities, double end) {
        StringBuilder text = new StringBuilder("\\data\\\nngram 1=" + (probabilities.size() + 2) + "\n\n\\1-grams:\n");
        text.append(log10(end)).append("\t</s>\n-99\t<s>\n");
        probabilities.forEach((word, p) -> text.append(log10(p)).append('\t').append(word).append('\n'));
        text.append("\n\\end\\\n");
        return NgramLanguageModelTest.parse(text.toString());
    }

    private static String log10(double p) {
        return String.format(Locale.ROOT, "%.9f", Math.log10(p));
    }

    /** word -> phones ("Y EH S"); the words' ids are the model's. */
    static LexiconTree tree(NgramLanguageModel lm, Map<String, String> pronunciations) {
        List<LexiconTree.Entry> entries = new ArrayList<>();
        pronunciations.forEach((word, phones) -> entries.add(new LexiconTree.Entry(lm.id(word), indices(phones))));
        return LexiconTree.of(entries);
    }

    static int[] indices(String phones) {
        return Arrays.stream(phones.split(" ")).mapToInt(PHONES::index).toArray();
    }

    static Map<String, String> map(String... pairs) {
        Map<String, String> result = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            result.put(pairs[i], pairs[i + 1]);
        }
        return result;
    }

    /**
     * Posteriors spelling labels, one output per space-separated item: "_" is the blank, a phone is itself, and
     * "AE/EH" splits the output's mass evenly; each output gives {@code confidence} to its label(s) and the rest
     * evenly to the other 40 − k labels.
     */
    static float[][] posteriors(String labels, double confidence) {
        String[] items = labels.trim().isEmpty() ? new String[0] : labels.trim().split("\\s+");
        float[][] rows = new float[items.length][];
        for (int t = 0; t < items.length; t++) {
            String[] parts = items[t].split("/");
            double[] p = new double[PHONES.size()];
            double rest = (1 - confidence) / (PHONES.size() - parts.length);
            Arrays.fill(p, rest);
            for (String part : parts) {
                p[part.equals("_") ? PhoneSet.BLANK : PHONES.index(part)] = confidence / parts.length;
            }
            rows[t] = new float[p.length];
            for (int i = 0; i < p.length; i++) {
                rows[t][i] = (float) Math.log(p[i]);
            }
        }
        return rows;
    }

    /** Posteriors with explicit label probabilities per output, e.g. Map.of("AE", 0.9, "EH", 0.09). */
    static float[] row(Map<String, Double> mass) {
        double[] p = new double[PHONES.size()];
        double given = mass.values().stream().mapToDouble(Double::doubleValue).sum();
        Arrays.fill(p, (1 - given) / (PHONES.size() - mass.size()));
        mass.forEach((label, value) -> p[label.equals("_") ? PhoneSet.BLANK : PHONES.index(label)] = value);
        float[] row = new float[p.length];
        for (int i = 0; i < p.length; i++) {
            row[i] = (float) Math.log(p[i]);
        }
        return row;
    }

    /** Sum of the posteriors of the arcs spanning output t (startFrame <= t < endFrame). */
    static double posteriorAt(Lattice lattice, int t) {
        return lattice.arcs().stream().filter(a -> a.startFrame() <= t && t < a.endFrame()).mapToDouble(LatticeArc::posterior).sum();
    }

    /** Every complete path's word sequence (</s> left out), for small lattices. */
    static List<List<String>> paths(Lattice lattice) {
        List<List<String>> result = new ArrayList<>();
        walk(lattice, 0, new ArrayList<>(), result);
        return result;
    }

    private static void walk(Lattice lattice, int node, List<String> prefix, List<List<String>> out) {
        if (node == lattice.finalNode()) {
            out.add(List.copyOf(prefix));
            return;
        }
        for (LatticeArc arc : lattice.arcs()) {
            if (arc.from() == node) {
                boolean word = !arc.word().equals("</s>");
                if (word) {
                    prefix.add(arc.word());
                }
                walk(lattice, arc.to(), prefix, out);
                if (word) {
                    prefix.removeLast();
                }
            }
        }
    }
}
