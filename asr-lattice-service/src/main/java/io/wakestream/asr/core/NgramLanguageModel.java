package io.wakestream.asr.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A word n-gram back-off language model read from an ARPA file (the toolkit's
 * {@code wakestream_training.lm.train} writes {@code models/lm-requests/<version>/lm.arpa}).
 *
 * <p><b>Scoring.</b> The file holds log10 probabilities and log10 back-off weights. For a history h and a
 * word w, p(w | h) is the listed p(hw) when hw is listed, else bow(h) · p(w | h[1:]), where bow(h) is 1
 * (log 0) when h is not listed; the recursion ends at the unigrams. Words outside the vocabulary are
 * scored as {@code <unk>}. {@link #log10Prob} returns log10 values as the file has them; {@link #cost}
 * returns the decoder's unit, the natural-log cost −ln p = −ln(10) · log10 p.
 *
 * <p><b>States.</b> A history is represented by a state id: the node of the longest suffix of the last
 * {@code order − 1} words that the file lists as an n-gram (or the root, the empty history). That suffix
 * loses nothing: when hw is listed, h is listed (the ARPA prefix rule), and an unlisted h has back-off
 * weight 1, so p(w | h) = p(w | h[1:]). Two histories with the same state score every continuation alike,
 * which is what lets the decoder merge them.
 *
 * <p>The n-grams form a trie (node = n-gram, children sorted by word id and found by binary search), so a
 * score costs O(order · log V). Immutable and thread-safe.
 */
public final class NgramLanguageModel {

    public static final String SENTENCE_START = "<s>";
    public static final String SENTENCE_END = "</s>";
    public static final String UNKNOWN = "<unk>";
    /** ln(10): log10 values times this are natural logs. */
    public static final double LN_10 = Math.log(10);

    private static final int ROOT = 0;

    private final int order;
    private final List<String> words;
    private final Map<String, Integer> ids;
    private final int[] counts;
    // the trie; node 0 is the root (empty history)
    private final int[] nodeWord;
    private final int[] nodeOrder;
    private final double[] nodeLog10;
    private final double[] nodeBackoff;
    private final int[] childStart;
    private final int[] childEnd;
    private final int[] parents;
    private final int[] suffix;
    private final int startState;
    private final int endWord;
    private final int unknownWord;

    private NgramLanguageModel(int order, List<String> words, int[] counts, int[] nodeWord, int[] nodeOrder, double[] nodeLog10,
                               double[] nodeBackoff, int[] childStart, int[] childEnd) {
        this.order = order;
        this.words = List.copyOf(words);
        Map<String, Integer> byWord = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            byWord.put(words.get(i), i);
        }
        this.ids = Collections.unmodifiableMap(byWord);
        this.counts = counts;
        this.nodeWord = nodeWord;
        this.nodeOrder = nodeOrder;
        this.nodeLog10 = nodeLog10;
        this.nodeBackoff = nodeBackoff;
        this.childStart = childStart;
        this.childEnd = childEnd;
        this.parents = new int[nodeWord.length];
        for (int parent = 0; parent < nodeWord.length; parent++) {
            for (int child = childStart[parent]; child < childEnd[parent]; child++) {
                parents[child] = parent;
            }
        }
        this.suffix = new int[nodeWord.length];
        for (int node = 1; node < nodeWord.length; node++) {
            int[] gram = gram(node);
            suffix[node] = longestListedSuffix(gram, 1);
        }
        this.endWord = id(SENTENCE_END);
        this.unknownWord = ids.getOrDefault(UNKNOWN, -1);
        int start = id(SENTENCE_START);
        this.startState = child(ROOT, start);
    }

    /**
     * Reads an ARPA file: {@code \data\} with {@code ngram k=count} lines, then {@code \k-grams:} sections of
     * {@code log10p <tab> w1 ... wk [<tab> log10bow]} (fields may also be separated by spaces), then {@code \end\}.
     *
     * @throws UncheckedIOException     if the file cannot be read
     * @throws IllegalArgumentException if it is not such a file: counts that disagree with the sections, an
     *                                  n-gram whose prefix is not listed, a duplicate, a value that is no log10
     *                                  probability, no {@code <s>} or {@code </s>}; the message names the file and the
     *                                  line or n-gram
     */
    public static NgramLanguageModel read(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read language model " + file, e);
        }
    }

    /** Reads an ARPA model from a reader; {@code source} names it in messages. */
    public static NgramLanguageModel parse(BufferedReader reader, String source) throws IOException {
        Map<Integer, Integer> announced = new HashMap<>();
        List<List<String[]>> grams = new ArrayList<>();
        int section = -1;
        String line;
        int number = 0;
        boolean ended = false;
        while ((line = reader.readLine()) != null) {
            number++;
            String text = line.strip();
            if (text.isEmpty()) {
                continue;
            }
            if (text.equals("\\data\\")) {
                section = 0;
            } else if (text.equals("\\end\\")) {
                ended = true;
                break;
            } else if (text.startsWith("\\") && text.endsWith("-grams:")) {
                section = Integer.parseInt(text.substring(1, text.length() - "-grams:".length()));
                if (section != grams.size() + 1) {
                    throw new IllegalArgumentException(source + ":" + number + ": section " + text + " out of order");
                }
                grams.add(new ArrayList<>());
            } else if (section == 0) {
                if (!text.startsWith("ngram ") || !text.contains("=")) {
                    throw new IllegalArgumentException(source + ":" + number + ": expected 'ngram k=count', got '" + text + "'");
                }
                String[] kv = text.substring("ngram ".length()).split("=");
                announced.put(Integer.parseInt(kv[0].strip()), Integer.parseInt(kv[1].strip()));
            } else if (section > 0) {
                String[] fields = text.split("\\s+");
                if (fields.length != section + 1 && fields.length != section + 2) {
                    throw new IllegalArgumentException(source + ":" + number + ": a " + section + "-gram line needs "
                            + (section + 1) + " or " + (section + 2) + " fields, got '" + text + "'");
                }
                grams.get(section - 1).add(fields);
            } else {
                throw new IllegalArgumentException(source + ":" + number + ": text before \\data\\: '" + text + "'");
            }
        }
        if (!ended) {
            throw new IllegalArgumentException(source + ": no \\end\\ line");
        }
        int order = grams.size();
        if (order == 0 || !announced.keySet().equals(rangeSet(order))) {
            throw new IllegalArgumentException(source + ": the header announces orders " + announced.keySet() + ", the file has "
                    + order + " sections");
        }
        for (int k = 1; k <= order; k++) {
            if (announced.get(k) != grams.get(k - 1).size()) {
                throw new IllegalArgumentException(source + ": the header announces " + announced.get(k) + " " + k
                        + "-grams, the file lists " + grams.get(k - 1).size());
            }
        }
        return build(order, grams, source);
    }

    private static Set<Integer> rangeSet(int order) {
        Set<Integer> set = new HashSet<>();
        for (int k = 1; k <= order; k++) {
            set.add(k);
        }
        return set;
    }

    private static NgramLanguageModel build(int order, List<List<String[]>> grams, String source) {
        List<String> words = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        for (String[] fields : grams.getFirst()) {
            if (ids.putIfAbsent(fields[1], words.size()) != null) {
                throw new IllegalArgumentException(source + ": the unigram '" + fields[1] + "' is listed twice");
            }
            words.add(fields[1]);
        }
        for (String required : List.of(SENTENCE_START, SENTENCE_END)) {
            if (!ids.containsKey(required)) {
                throw new IllegalArgumentException(source + ": the vocabulary has no " + required);
            }
        }
        int total = 1 + grams.stream().mapToInt(List::size).sum();
        int[] nodeWord = new int[total];
        int[] nodeOrder = new int[total];
        double[] nodeLog10 = new double[total];
        double[] nodeBackoff = new double[total];
        int[] childStart = new int[total];
        int[] childEnd = new int[total];
        nodeWord[ROOT] = -1;
        nodeLog10[ROOT] = Double.NaN;
        int next = 1;
        // order k's nodes are laid out sorted by (parent, word), so every node's children are contiguous
        for (int k = 1; k <= order; k++) {
            List<String[]> level = grams.get(k - 1);
            int[] parents = new int[level.size()];
            int[] wordIds = new int[level.size()];
            for (int i = 0; i < level.size(); i++) {
                String[] fields = level.get(i);
                int parent = ROOT;
                for (int j = 1; j < k; j++) {
                    Integer id = ids.get(fields[j]);
                    int child = id == null ? -1 : childIn(parent, id, nodeWord, childStart, childEnd);
                    if (child < 0) {
                        throw new IllegalArgumentException(source + ": the " + k + "-gram '" + text(fields, k)
                                + "' is listed, its prefix is not");
                    }
                    parent = child;
                }
                Integer word = ids.get(fields[k]);
                if (word == null) {
                    throw new IllegalArgumentException(source + ": the " + k + "-gram '" + text(fields, k)
                            + "' ends in a word that is no unigram");
                }
                parents[i] = parent;
                wordIds[i] = word;
            }
            Integer[] sorted = new Integer[level.size()];
            for (int i = 0; i < sorted.length; i++) {
                sorted[i] = i;
            }
            Arrays.sort(sorted, (a, b) -> parents[a] != parents[b] ? Integer.compare(parents[a], parents[b])
                    : Integer.compare(wordIds[a], wordIds[b]));
            int previousParent = -1;
            int previousWord = -1;
            for (int i : sorted) {
                String[] fields = level.get(i);
                int parent = parents[i];
                if (parent == previousParent && wordIds[i] == previousWord) {
                    throw new IllegalArgumentException(source + ": the " + k + "-gram '" + text(fields, k) + "' is listed twice");
                }
                int node = next++;
                nodeWord[node] = wordIds[i];
                nodeOrder[node] = k;
                nodeLog10[node] = parse(fields[0], true, source, fields, k);
                nodeBackoff[node] = fields.length == k + 2 ? parse(fields[k + 1], false, source, fields, k) : 0;
                if (parent != previousParent) {
                    childStart[parent] = node;
                }
                childEnd[parent] = node + 1;
                previousParent = parent;
                previousWord = wordIds[i];
            }
        }
        int[] counts = grams.stream().mapToInt(List::size).toArray();
        return new NgramLanguageModel(order, words, counts, nodeWord, nodeOrder, nodeLog10, nodeBackoff, childStart, childEnd);
    }

    private static String text(String[] fields, int k) {
        return String.join(" ", Arrays.copyOfRange(fields, 1, k + 1));
    }

    private static double parse(String number, boolean probability, String source, String[] fields, int k) {
        try {
            double value = Double.parseDouble(number);
            if (!Double.isFinite(value) || probability && value > 0) {
                throw new NumberFormatException(probability ? "not a log10 probability" : "not a finite log10 weight");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + ": the " + k + "-gram '" + text(fields, k) + "' has the value '"
                    + number + "' (" + e.getMessage() + ")");
        }
    }

    private static int childIn(int parent, int word, int[] nodeWord, int[] childStart, int[] childEnd) {
        if (childEnd[parent] == 0) {
            return -1;
        }
        int low = childStart[parent];
        int high = childEnd[parent] - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int at = nodeWord[mid];
            if (at < word) {
                low = mid + 1;
            } else if (at > word) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** The order N: histories of up to N − 1 words. */
    public int order() {
        return order;
    }

    /** Number of listed n-grams of each order, index 0 the unigrams. */
    public int[] counts() {
        return counts.clone();
    }

    /** The vocabulary in the file's unigram order; a word's id is its index. */
    public List<String> words() {
        return words;
    }

    /** The id of a word, or the id of {@code <unk>} (−1 if the model has none) for a word outside the vocabulary. */
    public int id(String word) {
        Integer id = ids.get(word);
        return id != null ? id : ids.getOrDefault(UNKNOWN, -1);
    }

    /** Whether the word is in the vocabulary. */
    public boolean contains(String word) {
        return ids.containsKey(word);
    }

    public String word(int id) {
        return words.get(id);
    }

    /** The id of {@code </s>}. */
    public int endWord() {
        return endWord;
    }

    /** The id of {@code <unk>}, −1 if the vocabulary has none. */
    public int unknownWord() {
        return unknownWord;
    }

    /** The state of a sentence's start: the history {@code <s>}. */
    public int startState() {
        return startState;
    }

    /** The state of no history at all: unigram probabilities. */
    public int rootState() {
        return ROOT;
    }

    /** The words of a state's history, oldest first. */
    public List<String> history(int state) {
        return Arrays.stream(gram(state)).mapToObj(words::get).toList();
    }

    /**
     * log10 p(word | state) by back-off, as the ARPA file defines it.
     *
     * @throws IndexOutOfBoundsException if the word id is not in the vocabulary
     */
    public double log10Prob(int state, int word) {
        if (word < 0 || word >= words.size()) {
            throw new IndexOutOfBoundsException("word id " + word + " outside the vocabulary of " + words.size());
        }
        double penalty = 0;
        int context = state;
        while (true) {
            int node = child(context, word);
            if (node >= 0) {
                return penalty + nodeLog10[node];
            }
            if (context == ROOT) {
                // a unigram without entry cannot happen (every word id is a unigram); kept total
                return penalty - 99;
            }
            penalty += nodeBackoff[context];
            context = suffix[context];
        }
    }

    /** −ln p(word | state): the decoder's cost, in nats. */
    public double cost(int state, int word) {
        return -LN_10 * log10Prob(state, word);
    }

    /** The state after {@code word} follows {@code state}'s history: the longest listed suffix of the last N − 1 words. */
    public int nextState(int state, int word) {
        if (order == 1) {
            return ROOT;
        }
        int[] history = gram(state);
        int keep = Math.min(history.length, order - 2);
        int[] extended = new int[keep + 1];
        System.arraycopy(history, history.length - keep, extended, 0, keep);
        extended[keep] = word;
        return longestListedSuffix(extended, 0);
    }

    /**
     * Total log10 probability of a sentence of words (outside the vocabulary: {@code <unk>}), from {@code <s>}
     * through {@code </s>}: what the toolkit's {@code ArpaModel.sentence_log10} computes.
     */
    public double sentenceLog10(List<String> sentence) {
        int state = startState;
        double total = 0;
        for (String text : sentence) {
            int word = id(text);
            total += log10Prob(state, word);
            state = nextState(state, word);
        }
        return total + log10Prob(state, endWord);
    }

    private int child(int parent, int word) {
        return childIn(parent, word, nodeWord, childStart, childEnd);
    }

    private int[] gram(int node) {
        int[] result = new int[nodeOrder[node]];
        // walk down by prefix: the node's words are recovered from its parent chain
        int at = node;
        for (int i = result.length - 1; i >= 0; i--) {
            result[i] = nodeWord[at];
            at = parents[at];
        }
        return result;
    }

    // the node of the longest suffix words[from + i ..] (i >= 0) that is listed, at most N - 1 words; the root if none
    private int longestListedSuffix(int[] gram, int from) {
        for (int begin = Math.max(from, gram.length - (order - 1)); begin < gram.length; begin++) {
            int node = ROOT;
            for (int i = begin; i < gram.length && node >= 0; i++) {
                node = child(node, gram[i]);
            }
            if (node >= 0) {
                return node;
            }
        }
        return ROOT;
    }
}
