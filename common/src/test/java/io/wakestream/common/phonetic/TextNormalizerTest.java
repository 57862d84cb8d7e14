package io.wakestream.common.phonetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The cases in phonetic/normalization.tsv, which the toolkit's normaliser passes too (training/tests/test_phonetic.py). */
class TextNormalizerTest {

    private final TextNormalizer normalizer = new TextNormalizer();

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void writesTheWordsTheToolkitWrites(String text, List<String> expected) {
        assertThat(normalizer.words(text)).isEqualTo(expected);
    }

    static Stream<Arguments> cases() throws IOException {
        try (InputStream in = TextNormalizerTest.class.getResourceAsStream("/phonetic/normalization.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("#"))
                    .map(line -> line.split("\t", -1))
                    .map(fields -> Arguments.of(fields[0], fields[1].isEmpty() ? List.of() : Arrays.asList(fields[1].split(" "))))
                    .toList().stream();
        }
    }
}
