package io.wakestream.asr.core;

import io.wakestream.common.phonetic.EncoderFrames;
import io.wakestream.common.phonetic.PhoneSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Word lattices from CTC phone posteriors: token passing through a {@link LexiconTree} with CTC's topology,
 * an {@link NgramLanguageModel} applied at word ends, and every word end recorded into a {@link Lattice}.
 *
 * <h2>Input and units</h2>
 * The input is an encoder's natural-log posteriors {@code [U][40]} (index 0 the CTC blank, 1..39 the phones of
 * {@link PhoneSet}). Every cost is in nats: an output costs −ln P(label); a word costs −ln P_LM(word | history)
 * (the ARPA file's log10 times −ln 10). A path's <em>score</em> is
 * {@code Σ acoustic cost + lmWeight · Σ LM cost + wordInsertionPenalty · words}; lower is better.
 *
 * <h2>Search graph</h2>
 * A token is a partial path in a state (h, s): h an LM state ({@link NgramLanguageModel#nextState}: the
 * history of the words so far), s a state of the tree's CTC topology:
 * <ul>
 *   <li>{@code B0}: the root's blank, before a word's first phone (also silence before the first word);</li>
 *   <li>{@code P(n)}: tree node n's phone is being emitted; {@code B(n)}: a blank after node n's phone.</li>
 * </ul>
 * Each output every token moves along one transition and pays the output's cost of the target's label:
 * {@code B0 → B0, P(c)}; {@code P(n) → P(n)} (a repeat collapses), {@code B(n)}, {@code P(c)} for children c with
 * another phone than n's; {@code B(n) → B(n), P(c)} for every child c. So two equal phones in a row, inside a
 * word or across words, need a blank between them, as CTC decodes. The recurrence is the Viterbi one:
 * <pre>  score_t(h, s) = min over predecessors (h, s') of score_{t−1}(h, s') + cost_t(label(s))</pre>
 * (tokens reaching the same (h, s) are merged, the best kept; ties keep the one found first in the
 * deterministic order below).
 *
 * <h2>Word ends and the lattice</h2>
 * After output t, a token in {@code P(n)} whose node ends words w (all homophones at n) ends each of them: its
 * score gains lmWeight · cost_LM(w | h) + wordInsertionPenalty and the word is recorded as an arc from the
 * lattice node where the token's word began to the node (t + 1, h'), h' = h extended by w. Arcs entering the
 * same node merge their futures (the classic word-conditioned lattice: nodes are (time, LM state), so every
 * path's LM cost is exact for the model's order); arcs with equal (from, to, word), e.g. two pronunciations,
 * keep the lower cost. From a new node, tokens start in {@code B0} or the first phone of a word; a word that
 * ended on phone x cannot be followed at once by a word starting with x (a blank must come between). A word
 * therefore ends on its last phone; the blanks after it belong to the next arc (or the final {@code </s>}
 * arc). The start node is (0, {@code <s>}). After the last output, the tokens in {@code B0} and the nodes at
 * time U get a {@code </s>} arc (the sentence-end LM cost; for a {@code B0} token also the trailing blanks)
 * into the one final node. Should pruning have left no such token, the tokens in {@code B(n)} end their words
 * at U (the arc then takes the blanks up to the end) so that the lattice is not empty.
 *
 * <h2>Pruning</h2>
 * After each output: tokens worse than the best by more than {@code beam} are dropped, then all but the
 * {@code maxActive} best (ties by state key). Word ends beyond the same threshold are not recorded. To prune
 * before a word's identity is known, each tree node carries an LM look-ahead: the lowest unigram LM cost of
 * the words below it; a token's score includes lmWeight times its node's look-ahead, swapped for the true LM
 * cost at the word end (it telescopes, so complete paths' scores are exact). The finished lattice keeps the
 * arcs on some path within {@code latticeBeam} of the best path (Viterbi forward α plus backward β).
 *
 * <h2>Posteriors and the 1-best</h2>
 * Arc posteriors come from forward–backward in the log semiring over the pruned lattice with arc weights
 * κ · cost (κ = posteriorScale): F(n) = −ln Σ_in exp(−(F(from) + κ w)), B likewise from the final node, and
 * posterior(a) = exp(−(F(from) + κ w + B(to) − F(final))). The 1-best is the Viterbi path of the pruned
 * lattice (the search's best path: it is always inside the lattice beam).
 *
 * <h2>Complexity</h2>
 * Per output O(A · b) token moves (A ≤ maxActive active tokens, b ≤ 39 successors at the root, a few inside
 * the tree) plus O(A log A) for pruning, and O(E · N log V) for the E word ends' LM lookups (order N,
 * vocabulary V); lattice post-processing is linear in its arcs. Memory: the active tokens and the lattice.
 *
 * <p>Deterministic: tokens are kept in lists sorted by (score, state key), nodes and arcs are numbered in
 * the order they are made and the output is sorted; hash maps are only looked up, never iterated into
 * results. Lifecycle: {@link #create} → {@link #decode} from any number of threads (each call has its own
 * search state) → {@link #close()}, after which calls are refused.
 */
public final class LatticeDecoder implements AutoCloseable {

    private static final int PHONES = PhoneSet.arpabet().size();

    private final NgramLanguageModel lm;
    private final LexiconTree tree;
    private final LatticeDecoderConfig config;
    private final String modelId;
    private final double[] lookahead;
    private volatile boolean closed;

    private LatticeDecoder(NgramLanguageModel lm, LexiconTree tree, LatticeDecoderConfig config, String modelId) {
        this.lm = lm;
        this.tree = tree;
        this.config = config;
        this.modelId = modelId;
        this.lookahead = lookahead(lm, tree);
    }

    /**
     * A decoder over a tree whose word ids are the language model's ({@link LexiconTree#forVocabulary}).
     *
     * @param modelId what the lattices name as their model
     * @throws IllegalArgumentException if the tree holds a word id outside the model's vocabulary
     */
    public static LatticeDecoder create(NgramLanguageModel lm, LexiconTree tree, LatticeDecoderConfig config, String modelId) {
        for (int node = 0; node < tree.size(); node++) {
            for (int word : tree.wordsAtRaw(node)) {
                if (word < 0 || word >= lm.words().size()) {
                    throw new IllegalArgumentException("the lexicon tree has word id " + word + ", the language model "
                            + lm.words().size() + " words");
                }
            }
        }
        return new LatticeDecoder(lm, tree, config, modelId);
    }

    public LatticeDecoderConfig config() {
        return config;
    }

    public String modelId() {
        return modelId;
    }

    /** Decodes an encoder's outputs ({@link EncoderFrames#logProbRows()}). */
    public Lattice decode(EncoderFrames frames) {
        return decode(frames.logProbRows());
    }

    /**
     * Decodes natural-log posteriors {@code [U][40]} into a lattice.
     *
     * @throws IllegalArgumentException if a row does not have 40 values or holds NaN or +∞
     * @throws IllegalStateException    if the decoder is closed
     */
    public Lattice decode(float[][] logProbs) {
        if (closed) {
            throw new IllegalStateException("lattice decoder " + modelId + " is closed");
        }
        for (int t = 0; t < logProbs.length; t++) {
            if (logProbs[t].length != PHONES) {
                throw new IllegalArgumentException("output " + t + " has " + logProbs[t].length + " log-posteriors, expected "
                        + PHONES + " (blank, then the phones of PhoneSet)");
            }
            for (float value : logProbs[t]) {
                if (Float.isNaN(value) || value == Float.POSITIVE_INFINITY) {
                    throw new IllegalArgumentException("output " + t + " holds " + value);
                }
            }
        }
        return new Search(logProbs).run();
    }

    /** Refuses further calls. */
    @Override
    public void close() {
        closed = true;
    }

    // the lowest unigram LM cost of the words at or below each node (nats); the root's is 0
    private static double[] lookahead(NgramLanguageModel lm, LexiconTree tree) {
        double[] result = new double[tree.size()];
        Arrays.fill(result, Double.POSITIVE_INFINITY);
        // breadth-first numbering: children have larger numbers than their parent
        for (int node = tree.size() - 1; node >= 1; node--) {
            for (int word : tree.wordsAtRaw(node)) {
                result[node] = Math.min(result[node], lm.cost(lm.rootState(), word));
            }
            int parent = tree.parent(node);
            if (parent > 0) {
                result[parent] = Math.min(result[parent], result[node]);
            }
        }
        result[LexiconTree.ROOT] = 0;
        for (int node = 1; node < tree.size(); node++) {
            if (result[node] == Double.POSITIVE_INFINITY) {
                result[node] = 0;
            }
        }
        return result;
    }

    // tree states: 0 = B0, 2n - 1 = P(n), 2n = B(n)
    private static int phoneState(int node) {
        return 2 * node - 1;
    }

    private static int blankState(int node) {
        return 2 * node;
    }

    private static long key(int lmState, int treeState) {
        return ((long) lmState << 32) | (treeState & 0xffffffffL);
    }

    /** The tokens of one output: parallel arrays, looked up by state key. */
    private static final class Tokens {
        long[] keys = new long[64];
        double[] scores = new double[64];
        double[] acoustic = new double[64];
        int[] starts = new int[64];
        int size;
        final Map<Long, Integer> index = new HashMap<>();

        void relax(long key, double score, double am, int start) {
            Integer at = index.get(key);
            if (at == null) {
                if (size == keys.length) {
                    int capacity = size * 2;
                    keys = Arrays.copyOf(keys, capacity);
                    scores = Arrays.copyOf(scores, capacity);
                    acoustic = Arrays.copyOf(acoustic, capacity);
                    starts = Arrays.copyOf(starts, capacity);
                }
                keys[size] = key;
                scores[size] = score;
                acoustic[size] = am;
                starts[size] = start;
                index.put(key, size++);
            } else if (score < scores[at]) {
                scores[at] = score;
                acoustic[at] = am;
                starts[at] = start;
            }
        }
    }

    /** A lattice node's way into the next output: its LM state, the phone its word ended on, the best score. */
    private record Entry(int node, int lmState, int lastPhone, double score) {
    }

    /** A recorded arc before post-processing; word −1 is </s>. */
    private static final class RawArc {
        final int from;
        final int to;
        final int word;
        double am;
        final double lmCost;

        RawArc(int from, int to, int word, double am, double lmCost) {
            this.from = from;
            this.to = to;
            this.word = word;
            this.am = am;
            this.lmCost = lmCost;
        }
    }

    /** One decoding: the search state of a call. */
    private final class Search {
        private final float[][] logProbs;
        private final List<Integer> nodeFrames = new ArrayList<>();
        private final List<Integer> nodeStates = new ArrayList<>();
        private final List<Double> nodeScores = new ArrayList<>();
        private final List<RawArc> arcs = new ArrayList<>();
        private final double lmWeight = config.lmWeight();
        private final double penalty = config.wordInsertionPenalty();

        Search(float[][] logProbs) {
            this.logProbs = logProbs;
        }

        private int newNode(int frame, int lmState, double score) {
            nodeFrames.add(frame);
            nodeStates.add(lmState);
            nodeScores.add(score);
            return nodeFrames.size() - 1;
        }

        Lattice run() {
            int frames = logProbs.length;
            int start = newNode(0, lm.startState(), 0);
            List<Entry> entries = List.of(new Entry(start, lm.startState(), PhoneSet.BLANK, 0));
            Tokens active = new Tokens();
            List<Integer> lastNodes = List.of(start);
            for (int t = 0; t < frames; t++) {
                Tokens next = expand(t, active, entries);
                active = prune(next);
                WordEnds ends = wordEnds(t, active, false);
                entries = ends.entries;
                lastNodes = ends.nodes;
            }
            int finalNode = finish(active, lastNodes, frames);
            return finalNode < 0 ? Lattice.empty(modelId, frames, config.frameMillis(), lmWeight, penalty)
                    : LatticeBuilder.build(modelId, frames, config, nodeFrames, arcs(), finalNode);
        }

        private List<LatticeBuilder.Arc> arcs() {
            List<LatticeBuilder.Arc> result = new ArrayList<>(arcs.size());
            for (RawArc arc : arcs) {
                String word = arc.word < 0 ? NgramLanguageModel.SENTENCE_END : lm.word(arc.word);
                result.add(new LatticeBuilder.Arc(arc.from, arc.to, word, arc.am, arc.lmCost));
            }
            return result;
        }

        private Tokens expand(int t, Tokens active, List<Entry> entries) {
            float[] row = logProbs[t];
            double blankCost = -row[PhoneSet.BLANK];
            Tokens next = new Tokens();
            for (Entry entry : entries) {
                next.relax(key(entry.lmState(), 0), entry.score() + blankCost, blankCost, entry.node());
                int children = tree.childCount(LexiconTree.ROOT);
                for (int i = 0; i < children; i++) {
                    int child = tree.child(LexiconTree.ROOT, i);
                    int phone = tree.phone(child);
                    if (phone != entry.lastPhone()) {
                        double cost = -row[phone];
                        next.relax(key(entry.lmState(), phoneState(child)), entry.score() + cost + lmWeight * lookahead[child],
                                cost, entry.node());
                    }
                }
            }
            for (int i = 0; i < active.size; i++) {
                long key = active.keys[i];
                int lmState = (int) (key >>> 32);
                int state = (int) key;
                double score = active.scores[i];
                double am = active.acoustic[i];
                int startNode = active.starts[i];
                if (state == 0) {
                    next.relax(key(lmState, 0), score + blankCost, am + blankCost, startNode);
                    int children = tree.childCount(LexiconTree.ROOT);
                    for (int c = 0; c < children; c++) {
                        int child = tree.child(LexiconTree.ROOT, c);
                        double cost = -row[tree.phone(child)];
                        next.relax(key(lmState, phoneState(child)), score + cost + lmWeight * lookahead[child], am + cost, startNode);
                    }
                    continue;
                }
                int node = (state + 1) / 2;
                boolean inPhone = (state & 1) == 1;
                int phone = tree.phone(node);
                if (inPhone) {
                    double repeat = -row[phone];
                    next.relax(key(lmState, state), score + repeat, am + repeat, startNode);
                }
                next.relax(key(lmState, blankState(node)), score + blankCost, am + blankCost, startNode);
                int children = tree.childCount(node);
                for (int c = 0; c < children; c++) {
                    int child = tree.child(node, c);
                    int childPhone = tree.phone(child);
                    if (inPhone && childPhone == phone) {
                        continue; // equal phones in a row need a blank between them
                    }
                    double cost = -row[childPhone];
                    next.relax(key(lmState, phoneState(child)), score + cost + lmWeight * (lookahead[child] - lookahead[node]),
                            am + cost, startNode);
                }
            }
            return next;
        }

        // beam, then max-active; the survivors sorted by (score, key)
        private Tokens prune(Tokens next) {
            Integer[] order = new Integer[next.size];
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < next.size; i++) {
                order[i] = i;
                best = Math.min(best, next.scores[i]);
            }
            double[] scores = next.scores;
            long[] keys = next.keys;
            Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> scores[i]).thenComparingLong(i -> keys[i]));
            double limit = best + config.beam();
            Tokens kept = new Tokens();
            for (Integer i : order) {
                if (kept.size >= config.maxActive() || !(scores[i] <= limit)) {
                    break;
                }
                kept.relax(keys[i], scores[i], next.acoustic[i], next.starts[i]);
            }
            return kept;
        }

        private record WordEnds(List<Entry> entries, List<Integer> nodes) {
        }

        // word ends after output t: arcs into nodes at time t + 1, and the entries of those nodes; from the tokens in
        // P(n), or (flush, after the last output when nothing else can end) from those in B(n)
        private WordEnds wordEnds(int t, Tokens active, boolean flush) {
            Map<Integer, Integer> nodeByState = new HashMap<>();
            Map<Long, Integer> arcIndex = new HashMap<>();
            Map<Long, Integer> entryIndex = new HashMap<>();
            List<Entry> entries = new ArrayList<>();
            List<Integer> nodes = new ArrayList<>();
            double limit = active.size == 0 ? Double.NEGATIVE_INFINITY : active.scores[0] + config.beam();
            for (int i = 0; i < active.size; i++) {
                long key = active.keys[i];
                int state = (int) key;
                if (state == 0 || ((state & 1) == 1) == flush) {
                    continue;
                }
                int node = (state + 1) / 2;
                int[] words = tree.wordsAtRaw(node);
                if (words.length == 0) {
                    continue;
                }
                int lmState = (int) (key >>> 32);
                double base = active.scores[i] - lmWeight * lookahead[node];
                for (int word : words) {
                    double lmCost = lm.cost(lmState, word);
                    double score = base + lmWeight * lmCost + penalty;
                    if (!(score <= limit)) {
                        continue;
                    }
                    int nextState = lm.nextState(lmState, word);
                    Integer target = nodeByState.get(nextState);
                    if (target == null) {
                        target = newNode(t + 1, nextState, score);
                        nodeByState.put(nextState, target);
                        nodes.add(target);
                    } else if (score < nodeScores.get(target)) {
                        nodeScores.set(target, score);
                    }
                    int from = active.starts[i];
                    long arcKey = ((long) from << 32) | word; // the target is fixed by (from's LM state, word)
                    Integer existing = arcIndex.get(arcKey);
                    if (existing == null) {
                        arcIndex.put(arcKey, arcs.size());
                        arcs.add(new RawArc(from, target, word, active.acoustic[i], lmCost));
                    } else if (active.acoustic[i] < arcs.get(existing).am) {
                        arcs.get(existing).am = active.acoustic[i];
                    }
                    int phone = tree.phone(node);
                    long entryKey = ((long) target << 8) | phone;
                    Integer at = entryIndex.get(entryKey);
                    if (at == null) {
                        entryIndex.put(entryKey, entries.size());
                        entries.add(new Entry(target, nextState, phone, score));
                    } else if (score < entries.get(at).score()) {
                        entries.set(at, new Entry(target, nextState, phone, score));
                    }
                }
            }
            return new WordEnds(entries, nodes);
        }

        // </s> arcs into the final node: from the tokens in B0 (trailing blanks) and from the nodes made at the end
        private int finish(Tokens active, List<Integer> lastNodes, int frames) {
            Map<Integer, Integer> byFrom = new HashMap<>();
            List<RawArc> finals = new ArrayList<>();
            List<Double> scores = new ArrayList<>();
            for (int node : lastNodes) {
                int lmState = nodeStates.get(node);
                double lmCost = lm.cost(lmState, lm.endWord());
                addFinal(byFrom, finals, scores, node, 0, lmCost, nodeScores.get(node) + lmWeight * lmCost);
            }
            for (int i = 0; i < active.size; i++) {
                long key = active.keys[i];
                if ((int) key != 0) {
                    continue;
                }
                int lmState = (int) (key >>> 32);
                double lmCost = lm.cost(lmState, lm.endWord());
                addFinal(byFrom, finals, scores, active.starts[i], active.acoustic[i], lmCost, active.scores[i] + lmWeight * lmCost);
            }
            if (finals.isEmpty() && frames > 0) {
                // every surviving token is inside a word: end the words whose last phone is behind them
                for (int node : wordEnds(frames - 1, active, true).nodes()) {
                    int lmState = nodeStates.get(node);
                    double lmCost = lm.cost(lmState, lm.endWord());
                    addFinal(byFrom, finals, scores, node, 0, lmCost, nodeScores.get(node) + lmWeight * lmCost);
                }
            }
            if (finals.isEmpty()) {
                return -1;
            }
            int finalNode = newNode(frames, -1, scores.stream().mapToDouble(Double::doubleValue).min().orElseThrow());
            for (RawArc arc : finals) {
                arcs.add(new RawArc(arc.from, finalNode, -1, arc.am, arc.lmCost));
            }
            return finalNode;
        }

        private void addFinal(Map<Integer, Integer> byFrom, List<RawArc> finals, List<Double> scores, int from, double am,
                              double lmCost, double score) {
            Integer at = byFrom.get(from);
            if (at == null) {
                byFrom.put(from, finals.size());
                finals.add(new RawArc(from, -1, -1, am, lmCost));
                scores.add(score);
            } else if (score < scores.get(at)) {
                finals.set(at, new RawArc(from, -1, -1, am, lmCost));
                scores.set(at, score);
            }
        }
    }
}
