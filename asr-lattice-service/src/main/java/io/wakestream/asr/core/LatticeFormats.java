package io.wakestream.asr.core;

import java.util.Locale;
import java.util.TreeSet;

/**
 * Writers of a {@link Lattice}: the {@code voice.lattices.v1} event, HTK's Standard Lattice Format and
 * OpenFst's text format. All are deterministic (arcs in the lattice's order, numbers with a fixed format).
 */
public final class LatticeFormats {

    private LatticeFormats() {
    }

    /**
     * The protobuf {@code Lattice} of {@code voice.lattices.v1}: {@code nodes} (the final node is
     * {@code nodes − 1}, the start 0), every arc with its frames (encoder outputs), costs (nats) and posterior,
     * {@code one_best} (words joined by spaces, {@code </s>} left out) and {@code model}.
     */
    public static io.wakestream.events.v1.Lattice toProto(Lattice lattice, String detectionId) {
        io.wakestream.events.v1.Lattice.Builder builder = io.wakestream.events.v1.Lattice.newBuilder()
                .setDetectionId(detectionId == null ? "" : detectionId)
                .setNodes(lattice.nodes())
                .setOneBest(lattice.oneBestText())
                .setModel(lattice.model() == null ? "" : lattice.model());
        for (LatticeArc arc : lattice.arcs()) {
            builder.addArcs(io.wakestream.events.v1.LatticeArc.newBuilder()
                    .setFrom(arc.from())
                    .setTo(arc.to())
                    .setWord(arc.word())
                    .setStartFrame(arc.startFrame())
                    .setEndFrame(arc.endFrame())
                    .setAmCost((float) arc.amCost())
                    .setLmCost((float) arc.lmCost())
                    .setPosterior((float) arc.posterior()));
        }
        return builder.build();
    }

    /**
     * HTK Standard Lattice Format (SLF, "The HTK Book", chapter 20): a header, one {@code I=} line per node
     * with its time {@code t=} in seconds, one {@code J=} line per link with {@code S=} start node, {@code E=}
     * end node, {@code W=} word, {@code a=} acoustic log likelihood (−amCost), {@code l=} LM log probability
     * (−lmCost), both natural logs (SLF's default base e), and {@code p=} the link posterior (a field HTK's
     * readers do not know; they skip it). {@code lmscale} and {@code wdpenalty} in the header are the
     * decoder's LM weight and, negated, its insertion penalty (SLF adds wdpenalty to log likelihoods).
     * Words with a quote or backslash are backslash-escaped.
     */
    public static String toSlf(Lattice lattice, String utterance) {
        StringBuilder out = new StringBuilder();
        out.append("# Wakestream word lattice: model ").append(lattice.model()).append(", ").append(lattice.frames())
                .append(" outputs of ").append(lattice.frameMillis()).append(" ms\n");
        out.append("VERSION=1.0\n");
        out.append("UTTERANCE=").append(escape(utterance == null || utterance.isEmpty() ? "segment" : utterance)).append('\n');
        out.append("lmscale=").append(number(lattice.lmWeight())).append('\n');
        out.append("wdpenalty=").append(number(-lattice.wordInsertionPenalty())).append('\n');
        if (lattice.nodes() > 0) {
            out.append("start=0\nend=").append(lattice.finalNode()).append('\n');
        }
        out.append("N=").append(lattice.nodes()).append("\tL=").append(lattice.arcs().size()).append('\n');
        for (int node = 0; node < lattice.nodes(); node++) {
            double seconds = lattice.nodeFrames().get(node) * lattice.frameMillis() / 1000.0;
            out.append("I=").append(node).append("\tt=").append(String.format(Locale.ROOT, "%.3f", seconds)).append('\n');
        }
        for (int j = 0; j < lattice.arcs().size(); j++) {
            LatticeArc arc = lattice.arcs().get(j);
            out.append("J=").append(j).append("\tS=").append(arc.from()).append("\tE=").append(arc.to())
                    .append("\tW=").append(escape(arc.word()))
                    .append("\ta=").append(number(-arc.amCost()))
                    .append("\tl=").append(number(-arc.lmCost()))
                    .append("\tp=").append(number(arc.posterior())).append('\n');
        }
        return out.toString();
    }

    /**
     * OpenFst's text format ({@code fstcompile}'s input): one line per arc, {@code from to word word weight},
     * tab-separated, the weight being the arc's cost in the decoder's units ({@link Lattice#cost}: tropical
     * semiring, nats), the start state first (state 0), then the final state with weight 0. Compile it with the
     * symbol table of {@link #toFstSymbols}: {@code fstcompile --isymbols=words.txt --osymbols=words.txt}.
     * An empty lattice gives an empty text (an FST without states).
     */
    public static String toFstText(Lattice lattice) {
        StringBuilder out = new StringBuilder();
        for (LatticeArc arc : lattice.arcs()) {
            out.append(arc.from()).append('\t').append(arc.to()).append('\t').append(arc.word()).append('\t')
                    .append(arc.word()).append('\t').append(number(lattice.cost(arc))).append('\n');
        }
        if (lattice.nodes() > 0) {
            out.append(lattice.finalNode()).append("\t0\n");
        }
        return out.toString();
    }

    /** The symbol table of {@link #toFstText}: {@code <eps> 0}, then the lattice's words in sorted order from 1. */
    public static String toFstSymbols(Lattice lattice) {
        TreeSet<String> words = new TreeSet<>();
        lattice.arcs().forEach(arc -> words.add(arc.word()));
        StringBuilder out = new StringBuilder("<eps>\t0\n");
        int id = 1;
        for (String word : words) {
            out.append(word).append('\t').append(id++).append('\n');
        }
        return out.toString();
    }

    static String number(double value) {
        String text = String.format(Locale.ROOT, "%.6f", value);
        return text.equals("-0.000000") ? "0.000000" : text;
    }

    static String escape(String word) {
        StringBuilder out = new StringBuilder(word.length());
        for (char c : word.toCharArray()) {
            if (c == '\\' || c == '\'' || c == '"') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
