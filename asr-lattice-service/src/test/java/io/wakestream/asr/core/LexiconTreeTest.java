package io.wakestream.asr.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wakestream.common.phonetic.Lexicon;
import io.wakestream.common.phonetic.PhoneSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LexiconTreeTest {

    private static final NgramLanguageModel LM = Toy.unigram(Map.of("two", 0.1, "too", 0.1, "a", 0.1, "about", 0.1,
            "either", 0.1, "hey", 0.1, "zorblat", 0.1), 0.1);

    @Test
    void homophonesEndAtOneNodeAndPrefixWordsAtInnerNodes() {
        LexiconTree tree = Toy.tree(LM, Toy.map("two", "T UW", "too", "T UW", "a", "AH", "about", "AH B AW T"));
        int tuw = tree.find(Toy.indices("T UW"));
        assertThat(tree.wordsAt(tuw)).containsExactly(Math.min(LM.id("two"), LM.id("too")), Math.max(LM.id("two"), LM.id("too")));
        int ah = tree.find(Toy.indices("AH"));
        assertThat(tree.wordsAt(ah)).containsExactly(LM.id("a"));
        assertThat(tree.childCount(ah)).isEqualTo(1);
        assertThat(tree.wordsAt(tree.find(Toy.indices("AH B AW T")))).containsExactly(LM.id("about"));
        assertThat(tree.wordsAt(tree.find(Toy.indices("AH B")))).isEmpty();
        assertThat(tree.pronunciations()).isEqualTo(4);
        // root + T, UW + AH, B, AW, T
        assertThat(tree.size()).isEqualTo(7);
        assertThat(tree.depth(tuw)).isEqualTo(2);
        assertThat(tree.phone(tree.parent(tuw))).isEqualTo(Toy.PHONES.index("T"));
    }

    @Test
    void childrenAreOrderedByPhoneAndNumberedBreadthFirst() {
        LexiconTree tree = Toy.tree(LM, Toy.map("two", "T UW", "a", "AH", "hey", "HH EY", "about", "AH B AW T"));
        List<Integer> phones = new ArrayList<>();
        for (int i = 0; i < tree.childCount(LexiconTree.ROOT); i++) {
            phones.add(tree.phone(tree.child(LexiconTree.ROOT, i)));
        }
        assertThat(phones).isSorted().containsExactly(Toy.PHONES.index("AH"), Toy.PHONES.index("HH"), Toy.PHONES.index("T"));
        for (int node = 1; node < tree.size(); node++) {
            assertThat(tree.parent(node)).isLessThan(node);
        }
    }

    @Test
    void theVocabularyTakesEveryLexiconPronunciationAndTheFallbackForTheRest(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("lexicon.txt");
        Files.writeString(file, """
                ;;; test lexicon
                either IY DH ER
                either AY DH ER
                either IY DH ER
                two T UW
                too T UW
                hey HH EY
                """);
        Lexicon lexicon = Lexicon.read(file, PhoneSet.arpabet());
        LexiconTree without = LexiconTree.forVocabulary(LM, lexicon, null);
        assertThat(without.unpronounced()).containsExactlyInAnyOrder("a", "about", "zorblat");
        assertThat(without.wordsAt(without.find(Toy.indices("IY DH ER")))).containsExactly(LM.id("either"));
        assertThat(without.wordsAt(without.find(Toy.indices("AY DH ER")))).containsExactly(LM.id("either"));
        assertThat(without.pronunciations()).isEqualTo(5);

        Map<String, List<String>> g2p = Map.of("zorblat", List.of("Z", "AO", "R", "B", "L", "AE", "T"), "a", List.of("AH"));
        LexiconTree with = LexiconTree.forVocabulary(LM, lexicon, word -> g2p.getOrDefault(word, List.of()));
        assertThat(with.unpronounced()).containsExactly("about");
        assertThat(with.wordsAt(with.find(Toy.indices("Z AO R B L AE T")))).containsExactly(LM.id("zorblat"));
        // the model's own symbols are never pronounced
        for (int node = 0; node < with.size(); node++) {
            for (int word : with.wordsAt(node)) {
                assertThat(LM.word(word)).doesNotStartWith("<").isNotEqualTo("</s>");
            }
        }
    }

    @Test
    void refusesPronunciationsWithoutPhonesOrWithTheBlank() {
        assertThatThrownBy(() -> LexiconTree.of(List.of(new LexiconTree.Entry(1, new int[0]))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty pronunciation");
        assertThatThrownBy(() -> LexiconTree.of(List.of(new LexiconTree.Entry(1, new int[] {3, PhoneSet.BLANK}))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("phone index 0");
    }
}
