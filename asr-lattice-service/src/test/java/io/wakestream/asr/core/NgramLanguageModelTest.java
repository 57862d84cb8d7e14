package io.wakestream.asr.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class NgramLanguageModelTest {

    static NgramLanguageModel toy() {
        try {
            return NgramLanguageModel.read(Path.of(NgramLanguageModelTest.class.getResource("toy-bigram.arpa").toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static NgramLanguageModel parse(String text) {
        try {
            return NgramLanguageModel.parse(new BufferedReader(new StringReader(text)), "test");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void scoresByBackOffAsTheArpaFileDefinesIt() {
        NgramLanguageModel lm = toy();
        assertThat(lm.order()).isEqualTo(2);
        assertThat(lm.counts()).containsExactly(5, 3);
        int start = lm.startState();
        assertThat(lm.history(start)).containsExactly("<s>");
        // listed bigram
        assertThat(lm.log10Prob(start, lm.id("hey"))).isCloseTo(-0.1, within(1e-12));
        // backs off: bow(<s>) + p(jarvis)
        assertThat(lm.log10Prob(start, lm.id("jarvis"))).isCloseTo(-0.3 - 0.7, within(1e-12));
        // bow(hey) + p(hey); jarvis lists no bow (1)
        int hey = lm.nextState(start, lm.id("hey"));
        assertThat(lm.history(hey)).containsExactly("hey");
        assertThat(lm.log10Prob(hey, lm.id("hey"))).isCloseTo(-0.2 - 0.6, within(1e-12));
        int jarvis = lm.nextState(hey, lm.id("jarvis"));
        assertThat(lm.log10Prob(jarvis, lm.id("hey"))).isCloseTo(-0.6, within(1e-12));
        // the decoder's cost is in nats
        assertThat(lm.cost(start, lm.id("jarvis"))).isCloseTo(1.0 * Math.log(10), within(1e-12));
    }

    @Test
    void sentencesIncludeTheEndAndMapUnknownWordsToUnk() {
        NgramLanguageModel lm = toy();
        assertThat(lm.sentenceLog10(List.of("hey", "jarvis"))).isCloseTo(-0.1 - 0.05 - 0.2, within(1e-12));
        assertThat(lm.id("zorblat")).isEqualTo(lm.unknownWord());
        assertThat(lm.contains("zorblat")).isFalse();
        // <s> -> <unk>: bow(<s>) + p(<unk>); <unk> -> </s>: unigram
        assertThat(lm.sentenceLog10(List.of("zorblat"))).isCloseTo(-0.3 - 1.0 - 0.5, within(1e-12));
        assertThat(lm.sentenceLog10(List.of())).isCloseTo(-0.3 - 0.5, within(1e-12));
    }

    @Test
    void statesKeepTheLongestListedSuffixOfAtMostOrderMinusOneWords() {
        NgramLanguageModel lm = parse("""
                \\data\\
                ngram 1=5
                ngram 2=3
                ngram 3=1

                \\1-grams:
                -0.5 </s>
                -99 <s> -0.3
                -0.6 a -0.2
                -0.7 b -0.1
                -1.0 c

                \\2-grams:
                -0.2 <s> a -0.4
                -0.3 a b -0.05
                -0.4 b c

                \\3-grams:
                -0.01 <s> a b

                \\end\\
                """);
        int start = lm.startState();
        int a = lm.nextState(start, lm.id("a"));
        assertThat(lm.history(a)).containsExactly("<s>", "a");
        assertThat(lm.log10Prob(a, lm.id("b"))).isCloseTo(-0.01, within(1e-12));
        // trigram missing: bow(<s> a) + p(c | a) -> bow(a) + p(c)
        assertThat(lm.log10Prob(a, lm.id("c"))).isCloseTo(-0.4 - 0.2 - 1.0, within(1e-12));
        int ab = lm.nextState(a, lm.id("b"));
        assertThat(lm.history(ab)).containsExactly("a", "b");
        int bc = lm.nextState(ab, lm.id("c"));
        // "b c" is listed, "a b c" would be three words: the state is "b c"
        assertThat(lm.history(bc)).containsExactly("b", "c");
        // "c c" is not listed: the state shrinks to "c"
        assertThat(lm.history(lm.nextState(bc, lm.id("c")))).containsExactly("c");
        // two histories with the same state score alike
        assertThat(lm.nextState(lm.nextState(start, lm.id("c")), lm.id("a"))).isEqualTo(lm.nextState(ab, lm.id("a")));
    }

    @Test
    void refusesMalformedFiles() {
        assertThatThrownBy(() -> parse("\\data\\\nngram 1=2\n\n\\1-grams:\n-1 <s>\n-1 </s>\n-1 a\n\\end\\\n"))
                .hasMessageContaining("announces 2 1-grams, the file lists 3");
        assertThatThrownBy(() -> parse("\\data\\\nngram 1=2\nngram 2=1\n\\1-grams:\n-1 <s>\n-1 </s>\n\\2-grams:\n-1 a </s>\n\\end\\\n"))
                .hasMessageContaining("its prefix is not");
        assertThatThrownBy(() -> parse("\\data\\\nngram 1=2\n\\1-grams:\n-1 <s>\n-1 </s>\n"))
                .hasMessageContaining("no \\end\\");
        assertThatThrownBy(() -> parse("\\data\\\nngram 1=1\n\\1-grams:\n-1 </s>\n\\end\\\n"))
                .hasMessageContaining("no <s>");
        assertThatThrownBy(() -> parse("\\data\\\nngram 1=2\n\\1-grams:\n-1 <s>\n0.5 </s>\n\\end\\\n"))
                .hasMessageContaining("not a log10 probability");
        assertThatThrownBy(() -> parse("\\data\\\nngram 1=3\n\\1-grams:\n-1 <s>\n-1 </s>\n-2 </s>\n\\end\\\n"))
                .hasMessageContaining("listed twice");
    }
}
