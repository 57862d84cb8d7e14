package io.wakestream.kws.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.wakestream.common.model.ModelRepository;
import io.wakestream.common.onnx.OnnxConfig;
import io.wakestream.common.onnx.OnnxEngine;
import io.wakestream.common.onnx.OnnxProvider;
import io.wakestream.common.phonetic.PhoneSet;
import io.wakestream.common.phonetic.Pronouncer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The enrollment rules, with the project's lexicon and G2P model pronouncing. */
class PhrasePolicyTest {

    private static OnnxEngine engine;
    private static PhrasePolicy policy;

    @BeforeAll
    static void open() {
        engine = new OnnxEngine(OnnxConfig.defaults().withProvider(OnnxProvider.CPU));
        Pronouncer pronouncer = Pronouncer.open(new ModelRepository(Path.of("../models")), "g2p", "", engine);
        policy = new PhrasePolicy(pronouncer::pronounce, phones -> phones.stream().allMatch(PhoneSet.arpabet()::contains));
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void ordinaryPhrasesAreValidWithTheirPhones() {
        PhrasePolicy.Check check = policy.check("  Hey Jarvis ");

        assertThat(check.valid()).isTrue();
        assertThat(check.pronunciation().phones()).containsExactly("HH", "EY", "JH", "AA", "R", "V", "IH", "S");
        assertThat(policy.check("ok computer-2").valid()).isTrue();
        assertThat(policy.check("what's up Zorblax").pronunciation().g2pWords()).containsExactly("zorblax");
    }

    @Test
    void eachRuleIsNamedWhenBroken() {
        assertThat(codes(null)).containsExactly("empty");
        assertThat(codes("   ")).containsExactly("empty");
        assertThat(codes("a".repeat(41))).containsExactly("too_long");
        assertThat(codes("hey, jarvis!")).containsExactly("invalid_characters");
        assertThat(codes("one two three four five six seven")).containsExactly("too_many_words");
        assertThat(codes("21 22 23 24")).containsExactly("too_many_words");
        assertThat(codes("eh")).containsExactly("too_few_phones");
        assertThat(codes("日本")).containsExactly("not_pronounceable");
        assertThat(codes("' - '")).containsExactly("not_pronounceable");
    }

    @Test
    void theMessageSaysWhatIsWrong() {
        assertThat(policy.check("hey, jarvis!").violations().getFirst().message()).contains("',!'");
        assertThat(policy.check("a".repeat(41)).violations().getFirst().message()).contains("41 characters", "40");
        assertThat(policy.check("eh").violations().getFirst().message()).contains("1 phone", "at least 2");
    }

    private static List<String> codes(String phrase) {
        return policy.check(phrase).violations().stream().map(PhrasePolicy.Violation::code).toList();
    }
}
