package io.wakestream.common.phonetic;

import io.wakestream.common.model.LoadedModel;
import io.wakestream.common.model.ModelRepository;
import io.wakestream.common.onnx.OnnxEngine;

import java.util.ArrayList;
import java.util.List;

/**
 * Phrase → phones: the text is normalised into words ({@link TextNormalizer}); each word takes its
 * first lexicon pronunciation, and the {@link G2p} model pronounces the words the lexicon lacks.
 * The result says, word by word, which source was used. Thread-safe.
 */
public final class Pronouncer {

    /** The lexicon file's role in a G2P model's manifest. */
    public static final String LEXICON_ROLE = "lexicon";

    private final TextNormalizer normalizer;
    private final Lexicon lexicon;
    private final G2p g2p;

    public Pronouncer(TextNormalizer normalizer, Lexicon lexicon, G2p g2p) {
        this.normalizer = normalizer;
        this.lexicon = lexicon;
        this.g2p = g2p;
    }

    /**
     * The G2P model {@code name} at {@code version} (blank or null: the newest) with the lexicon it ships.
     *
     * @throws io.wakestream.common.model.ModelException if the model is missing, fails its checks or
     *                                                   has no {@value #LEXICON_ROLE} file
     * @throws IllegalArgumentException                  if the lexicon file is malformed
     */
    public static Pronouncer open(ModelRepository repository, String name, String version, OnnxEngine engine) {
        LoadedModel model = version == null || version.isBlank() ? repository.loadLatest(name) : repository.load(name, version);
        G2p g2p = G2p.open(model, engine);
        return new Pronouncer(new TextNormalizer(), Lexicon.read(model.file(LEXICON_ROLE), PhoneSet.arpabet()), g2p);
    }

    /** The phones of {@code phrase}, word by word; no words when the text has none. */
    public PhrasePronunciation pronounce(String phrase) {
        List<WordPronunciation> words = normalizer.words(phrase).stream().map(this::word).toList();
        return new PhrasePronunciation(phrase, words);
    }

    /**
     * Up to {@code limit} pronunciations of {@code phrase}, the one {@link #pronounce} gives first, then the
     * combinations of every word's lexicon alternates in the dictionary's order (the last word's alternates
     * vary fastest); a G2P word has one. No pronunciation when the text has no words.
     *
     * @throws IllegalArgumentException if {@code limit} is below 1
     */
    public List<PhrasePronunciation> pronounceVariants(String phrase, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        List<String> words = normalizer.words(phrase);
        if (words.isEmpty()) {
            return List.of();
        }
        List<List<WordPronunciation>> choices = words.stream().map(this::alternates).toList();
        List<PhrasePronunciation> variants = new ArrayList<>();
        int[] picked = new int[words.size()];
        while (variants.size() < limit) {
            List<WordPronunciation> variant = new ArrayList<>(words.size());
            for (int i = 0; i < picked.length; i++) {
                variant.add(choices.get(i).get(picked[i]));
            }
            variants.add(new PhrasePronunciation(phrase, variant));
            int word = picked.length - 1;
            while (word >= 0 && ++picked[word] == choices.get(word).size()) {
                picked[word--] = 0;
            }
            if (word < 0) {
                break;
            }
        }
        return List.copyOf(variants);
    }

    private List<WordPronunciation> alternates(String word) {
        List<List<String>> known = lexicon.pronunciations(word);
        if (known.isEmpty()) {
            return List.of(word(word));
        }
        return known.stream().map(phones -> new WordPronunciation(word, phones, PronunciationSource.LEXICON)).toList();
    }

    private WordPronunciation word(String word) {
        List<List<String>> known = lexicon.pronunciations(word);
        if (!known.isEmpty()) {
            return new WordPronunciation(word, known.getFirst(), PronunciationSource.LEXICON);
        }
        return new WordPronunciation(word, g2p.pronounce(word).phones(), PronunciationSource.G2P);
    }
}
