package io.wakestream.common.phonetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wakestream.common.model.ModelRepository;
import io.wakestream.common.onnx.OnnxConfig;
import io.wakestream.common.onnx.OnnxEngine;
import io.wakestream.common.onnx.OnnxProvider;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped G2P model (models/g2p) with its lexicon. */
class PronouncerTest {

    private static OnnxEngine engine;
    private static Pronouncer pronouncer;

    @BeforeAll
    static void open() {
        engine = new OnnxEngine(OnnxConfig.defaults().withProvider(OnnxProvider.CPU));
        pronouncer = Pronouncer.open(new ModelRepository(Path.of("../models")), G2p.MODEL_NAME, null, engine);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void heyJarvisComesFromTheLexicon() {
        PhrasePronunciation result = pronouncer.pronounce("Hey, Jarvis!");

        assertThat(String.join(" ", result.phones())).isEqualTo("HH EY JH AA R V IH S");
        assertThat(result.words()).extracting(WordPronunciation::word).containsExactly("hey", "jarvis");
        assertThat(result.words()).allSatisfy(word -> assertThat(word.source()).isEqualTo(PronunciationSource.LEXICON));
        assertThat(result.g2pWords()).isEmpty();
    }

    /** Plausible: the letters' usual sounds, in order (the model's own answer is pinned by G2pGoldenTest). */
    @Test
    void anInventedWordIsSoundedOutByTheModel() {
        PhrasePronunciation result = pronouncer.pronounce("hey zorblat");

        WordPronunciation zorblat = result.words().get(1);
        assertThat(zorblat.source()).isEqualTo(PronunciationSource.G2P);
        assertThat(result.g2pWords()).containsExactly("zorblat");
        assertThat(zorblat.phones().getFirst()).isEqualTo("Z");
        assertThat(zorblat.phones().getLast()).isEqualTo("T");
        assertThat(zorblat.phones()).containsSubsequence("Z", "R", "B", "L", "T");
        assertThat(zorblat.phones().size()).isBetween(6, 7);
    }

    @Test
    void numbersAreSpokenAndTextWithoutWordsHasNoPhones() {
        PhrasePronunciation result = pronouncer.pronounce("set a timer for 10 minutes");

        assertThat(result.words()).extracting(WordPronunciation::word)
                .containsExactly("set", "a", "timer", "for", "ten", "minutes");
        assertThat(pronouncer.pronounce("?!").words()).isEmpty();
    }

    /** "the" has two lexicon pronunciations, "jarvis" two, "hey" one: four variants, the preferred first. */
    @Test
    void variantsCombineEveryWordsLexiconAlternatesUpToTheLimit() {
        List<String> variants = pronouncer.pronounceVariants("hey the jarvis", 10).stream()
                .map(p -> String.join(" ", p.phones())).toList();

        assertThat(variants).containsExactly("HH EY DH AH JH AA R V IH S", "HH EY DH AH JH AA R V AH S",
                "HH EY DH IY JH AA R V IH S", "HH EY DH IY JH AA R V AH S");
        assertThat(variants.getFirst()).isEqualTo(String.join(" ", pronouncer.pronounce("hey the jarvis").phones()));
        assertThat(pronouncer.pronounceVariants("hey the jarvis", 2)).hasSize(2);
        assertThat(pronouncer.pronounceVariants("hey zorblat", 3)).as("a G2P word has one").hasSize(1);
        assertThat(pronouncer.pronounceVariants("?!", 3)).isEmpty();
        assertThatThrownBy(() -> pronouncer.pronounceVariants("hey", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void g2pRefusesWordsItCannotSpell() {
        G2p g2p = G2p.open(new ModelRepository(Path.of("../models")).loadLatest(G2p.MODEL_NAME), engine);

        assertThat(g2p.canSpell("what's")).isTrue();
        assertThatThrownBy(() -> g2p.pronounce("Hey")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TextNormalizer");
        assertThatThrownBy(() -> g2p.pronounce("")).isInstanceOf(IllegalArgumentException.class);
        assertThat(g2p.pronounce("jarvis").phones()).isEqualTo(List.of("JH", "AA", "R", "V", "IH", "S"));
    }
}
