package io.wakestream.asr.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shipped language model (models/lm-requests, newest version) against what the toolkit computed from the
 * same file: samples/sentence-scores.json holds sentences and their total log10 probability by
 * {@code wakestream_training.lm.arpa.ArpaModel}.
 */
class ShippedLanguageModelTest {

    static final Path MODELS = Path.of("../models");
    private static LanguageModelBundle bundle;

    @BeforeAll
    static void load() {
        bundle = LanguageModelBundle.open(MODELS, LanguageModelBundle.DEFAULT_MODEL, null);
    }

    @Test
    void javaScoresEqualPythonScores() throws IOException {
        JsonNode fixture = JsonMapper.builder().build().readTree(
                Files.readString(bundle.directory().resolve("samples/sentence-scores.json")));
        int compared = 0;
        for (JsonNode sentence : fixture.get("sentences")) {
            String text = sentence.get("sentence").asString();
            List<String> words = text.isEmpty() ? List.of() : Arrays.asList(text.split(" "));
            assertThat(bundle.lm().sentenceLog10(words)).as(text).isCloseTo(sentence.get("log10_prob").asDouble(), within(1e-4));
            compared++;
        }
        assertThat(compared).isGreaterThanOrEqualTo(20);
    }

    @Test
    void theManifestDescribesTheFile() throws IOException {
        JsonNode manifest = JsonMapper.builder().build().readTree(Files.readString(bundle.directory().resolve("manifest.json")));
        JsonNode ngrams = manifest.get("architecture").get("ngrams");
        int[] counts = bundle.lm().counts();
        assertThat(counts).hasSize(ngrams.size());
        for (int k = 0; k < counts.length; k++) {
            assertThat(counts[k]).isEqualTo(ngrams.get(String.valueOf(k + 1)).asInt());
        }
        assertThat(bundle.id()).startsWith("lm-requests/");
        assertThat(bundle.lm().order()).isEqualTo(manifest.get("architecture").get("order").asInt());
        assertThat(bundle.lm().contains("jarvis")).isTrue();
    }

    @Test
    void everyVocabularyWordHasAPronunciationInTheDecodingLexicon() {
        LexiconTree tree = LexiconTree.forVocabulary(bundle.lm(), bundle.lexicon(), null);
        assertThat(tree.unpronounced()).isEmpty();
        // <s>, </s> and <unk> are not pronounced
        assertThat(tree.pronunciations()).isGreaterThanOrEqualTo(bundle.lm().words().size() - 3);
    }
}
