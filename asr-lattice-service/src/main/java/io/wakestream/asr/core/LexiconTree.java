package io.wakestream.asr.core;

import io.wakestream.common.phonetic.Lexicon;
import io.wakestream.common.phonetic.PhoneSet;
import io.wakestream.common.phonetic.Pronouncer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The decoding vocabulary's pronunciations as a prefix tree over phones: node 0 is the root (no phone),
 * every other node is one phone reached from its parent, and a node where pronunciations end holds the
 * ids of their words. A word with several pronunciations ends at several nodes; words that sound the same
 * (homophones: "to", "two", "too") end at the same node, all of them listed there in id order; a word may
 * end at an inner node ("a" AH under "about" AH B AW T).
 *
 * <p>Phones are {@link PhoneSet} indices (1..39; 0 is the CTC blank, never in the tree); the children of
 * a node are ordered by phone, so the tree and every walk over it are the same on every run. Word ids are
 * whatever the caller's vocabulary assigns (the {@link NgramLanguageModel}'s ids for decoding).
 * Immutable and thread-safe.
 */
public final class LexiconTree {

    /** The root node: before a word's first phone. */
    public static final int ROOT = 0;

    private static final int[] NO_WORDS = new int[0];

    private final int[] phone;
    private final int[] parent;
    private final int[] depth;
    private final int[] childStart;
    private final int[] childEnd;
    private final int[] children;
    private final int[][] words;
    private final int pronunciations;
    private final List<String> unpronounced;

    private LexiconTree(int[] phone, int[] parent, int[] depth, int[] childStart, int[] childEnd, int[] children, int[][] words,
                        int pronunciations, List<String> unpronounced) {
        this.phone = phone;
        this.parent = parent;
        this.depth = depth;
        this.childStart = childStart;
        this.childEnd = childEnd;
        this.children = children;
        this.words = words;
        this.pronunciations = pronunciations;
        this.unpronounced = List.copyOf(unpronounced);
    }

    /** One pronunciation of a word: its id and its phones' {@link PhoneSet} indices. */
    public record Entry(int word, int[] phones) {
        public Entry {
            phones = phones.clone();
        }
    }

    /**
     * A tree of explicit entries (tests, small vocabularies).
     *
     * @throws IllegalArgumentException if an entry has no phones or a phone outside 1..39
     */
    public static LexiconTree of(List<Entry> entries) {
        return build(entries, List.of());
    }

    /**
     * The tree of a language model's vocabulary: every pronunciation the lexicon lists for each word (in the
     * lexicon's order; duplicates once), and for a word the lexicon lacks the one {@code fallback} gives (the
     * G2P model through {@link #g2p(Pronouncer)}; null for none). {@code <s>}, {@code </s>} and {@code <unk>}
     * are never pronounced; words neither source pronounces are left out and listed by {@link #unpronounced()}.
     */
    public static LexiconTree forVocabulary(NgramLanguageModel lm, Lexicon lexicon, Function<String, List<String>> fallback) {
        PhoneSet phones = PhoneSet.arpabet();
        List<Entry> entries = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> vocabulary = lm.words();
        for (int id = 0; id < vocabulary.size(); id++) {
            String word = vocabulary.get(id);
            if (word.equals(NgramLanguageModel.SENTENCE_START) || word.equals(NgramLanguageModel.SENTENCE_END)
                    || word.equals(NgramLanguageModel.UNKNOWN)) {
                continue;
            }
            List<List<String>> known = lexicon.pronunciations(word);
            if (known.isEmpty() && fallback != null) {
                List<String> guessed = fallback.apply(word);
                known = guessed == null || guessed.isEmpty() ? List.of() : List.of(guessed);
            }
            Set<List<String>> distinct = new LinkedHashSet<>(known);
            if (distinct.isEmpty()) {
                missing.add(word);
            }
            for (List<String> pronunciation : distinct) {
                entries.add(new Entry(id, pronunciation.stream().mapToInt(phones::index).toArray()));
            }
        }
        return build(entries, missing);
    }

    /** The G2P fallback of {@link #forVocabulary}: the word's phones from the pronouncer (lexicon first, then the model). */
    public static Function<String, List<String>> g2p(Pronouncer pronouncer) {
        return word -> pronouncer.pronounce(word).phones();
    }

    private static LexiconTree build(List<Entry> entries, List<String> unpronounced) {
        // a mutable tree of TreeMaps (children by phone) first, then flattened breadth first
        List<TreeMap<Integer, Integer>> next = new ArrayList<>();
        List<Integer> phones = new ArrayList<>();
        List<Integer> parents = new ArrayList<>();
        List<Set<Integer>> ends = new ArrayList<>();
        next.add(new TreeMap<>());
        phones.add(0);
        parents.add(-1);
        ends.add(new TreeSet<>());
        for (Entry entry : entries) {
            if (entry.phones().length == 0) {
                throw new IllegalArgumentException("word " + entry.word() + " has an empty pronunciation");
            }
            int node = ROOT;
            for (int p : entry.phones()) {
                if (p <= PhoneSet.BLANK || p >= PhoneSet.arpabet().size()) {
                    throw new IllegalArgumentException("word " + entry.word() + " has the phone index " + p
                            + "; phones are 1.." + (PhoneSet.arpabet().size() - 1));
                }
                Integer child = next.get(node).get(p);
                if (child == null) {
                    child = next.size();
                    next.get(node).put(p, child);
                    next.add(new TreeMap<>());
                    phones.add(p);
                    parents.add(node);
                    ends.add(new TreeSet<>());
                }
                node = child;
            }
            ends.get(node).add(entry.word());
        }
        // breadth-first numbering: children contiguous and in phone order
        int size = next.size();
        int[] order = new int[size];
        int[] renumber = new int[size];
        int head = 0;
        int tail = 0;
        order[tail++] = ROOT;
        while (head < tail) {
            int node = order[head++];
            renumber[node] = head - 1;
            for (int child : next.get(node).values()) {
                order[tail++] = child;
            }
        }
        int[] phone = new int[size];
        int[] parent = new int[size];
        int[] depth = new int[size];
        int[] childStart = new int[size];
        int[] childEnd = new int[size];
        int[] children = new int[size - 1];
        int[][] words = new int[size][];
        int filled = 0;
        int pronunciations = 0;
        for (int at = 0; at < size; at++) {
            int old = order[at];
            phone[at] = phones.get(old);
            parent[at] = old == ROOT ? -1 : renumber[parents.get(old)];
            depth[at] = old == ROOT ? 0 : depth[parent[at]] + 1;
            childStart[at] = filled;
            for (int child : next.get(old).values()) {
                children[filled++] = renumber[child];
            }
            childEnd[at] = filled;
            Set<Integer> ending = ends.get(old);
            words[at] = ending.isEmpty() ? NO_WORDS : ending.stream().mapToInt(Integer::intValue).toArray();
            pronunciations += words[at].length;
        }
        return new LexiconTree(phone, parent, depth, childStart, childEnd, children, words, pronunciations, unpronounced);
    }

    /** Number of nodes, the root included. */
    public int size() {
        return phone.length;
    }

    /** The phone index of a node (0 for the root). */
    public int phone(int node) {
        return phone[node];
    }

    /** The parent of a node; −1 for the root. */
    public int parent(int node) {
        return parent[node];
    }

    /** Phones from the root to the node. */
    public int depth(int node) {
        return depth[node];
    }

    /** Number of children. */
    public int childCount(int node) {
        return childEnd[node] - childStart[node];
    }

    /** The i-th child of a node, children ordered by phone. */
    public int child(int node, int i) {
        return children[childStart[node] + i];
    }

    /** The child reached by {@code phone}, or −1. */
    public int childByPhone(int node, int phoneIndex) {
        for (int i = childStart[node]; i < childEnd[node]; i++) {
            if (phone[children[i]] == phoneIndex) {
                return children[i];
            }
        }
        return -1;
    }

    /** The ids of the words whose pronunciation ends at the node, ascending; empty for most nodes. Not copied: do not change. */
    int[] wordsAtRaw(int node) {
        return words[node];
    }

    /** The ids of the words whose pronunciation ends at the node, ascending. */
    public int[] wordsAt(int node) {
        return words[node].clone();
    }

    /** The node a phone sequence reaches from the root, or −1. */
    public int find(int[] phones) {
        int node = ROOT;
        for (int p : phones) {
            node = childByPhone(node, p);
            if (node < 0) {
                return -1;
            }
        }
        return node;
    }

    /** Number of (word, pronunciation) pairs in the tree. */
    public int pronunciations() {
        return pronunciations;
    }

    /** Vocabulary words left out because neither the lexicon nor the fallback pronounced them. */
    public List<String> unpronounced() {
        return unpronounced;
    }

    @Override
    public String toString() {
        return "LexiconTree[" + size() + " nodes, " + pronunciations + " pronunciations"
                + (unpronounced.isEmpty() ? "" : ", " + unpronounced.size() + " words unpronounced") + "]";
    }
}
