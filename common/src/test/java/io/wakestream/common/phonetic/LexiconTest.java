package io.wakestream.common.phonetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LexiconTest {

    @TempDir
    Path dir;

    @Test
    void keepsEveryPronunciationInTheFilesOrderAndSkipsComments() throws IOException {
        Lexicon lexicon = read(";;; a comment", "read R IY D", "", "read R EH D", "what's W AH T S");

        assertThat(lexicon.size()).isEqualTo(2);
        assertThat(lexicon.pronunciations("read")).containsExactly(List.of("R", "IY", "D"), List.of("R", "EH", "D"));
        assertThat(lexicon.contains("what's")).isTrue();
        assertThat(lexicon.pronunciations("zorblat")).isEmpty();
    }

    @Test
    void unknownPhonesAndEmptyEntriesNameTheLine() {
        assertThatThrownBy(() -> read("cat K AE1 T")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lexicon.txt:1").hasMessageContaining("AE1");
        assertThatThrownBy(() -> read(";;; x", "cat")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lexicon.txt:2");
    }

    private Lexicon read(String... lines) throws IOException {
        Path file = Files.write(dir.resolve("lexicon.txt"), List.of(lines));
        return Lexicon.read(file, PhoneSet.arpabet());
    }
}
