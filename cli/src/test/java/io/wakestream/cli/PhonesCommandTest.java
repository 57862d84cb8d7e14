package io.wakestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code wakestream phones} with the shipped G2P model. */
class PhonesCommandTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void printsOneJsonObjectWithEachWordsPhonesAndSource() {
        CommandOutcome run = phones("--models-dir", "../models", "Hey", "Jarvis,", "zorblat!");

        assertThat(run.status()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(1);
        JsonNode json = JSON.readTree(lines.getFirst());
        assertThat(json.get("phrase").asString()).isEqualTo("Hey Jarvis, zorblat!");
        JsonNode words = json.get("words");
        assertThat(words.size()).isEqualTo(3);
        assertThat(words.get(0).get("word").asString()).isEqualTo("hey");
        assertThat(words.get(1).get("phones").asString()).isEqualTo("JH AA R V IH S");
        assertThat(words.get(1).get("source").asString()).isEqualTo("lexicon");
        assertThat(words.get(2).get("source").asString()).isEqualTo("g2p");
        assertThat(json.get("phones").asString())
                .isEqualTo("HH EY JH AA R V IH S " + words.get(2).get("phones").asString());
    }

    @Test
    void aPhraseWithoutWordsIsAnError() {
        CommandOutcome run = phones("--models-dir", "../models", "?!");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
    }

    private static CommandOutcome phones(String... args) {
        return CommandOutcome.capture(() -> new CommandLine(new PhonesCommand()).execute(args));
    }
}
