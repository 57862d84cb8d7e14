package io.wakestream.common.phonetic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Word → pronunciations, read from the {@code lexicon.txt} a G2P model ships (CMUdict with stress
 * removed): one pronunciation a line, {@code word PHONE PHONE ...}, a word's alternates in the
 * dictionary's order, {@code ;;;} lines are comments. Words are spelled as {@link TextNormalizer}
 * writes them. Immutable and thread-safe.
 */
public final class Lexicon {

    private final Map<String, List<List<String>>> entries;

    private Lexicon(Map<String, List<List<String>>> entries) {
        this.entries = entries;
    }

    /**
     * Reads a lexicon file.
     *
     * @throws UncheckedIOException     if the file cannot be read
     * @throws IllegalArgumentException if a line has no phones or a phone outside {@code phones};
     *                                  the message names the file and line
     */
    public static Lexicon read(Path file, PhoneSet phones) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lexicon " + file, e);
        }
        Map<String, List<List<String>>> entries = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith(";;;")) {
                continue;
            }
            String[] fields = line.split("\\s+");
            List<String> pronunciation = List.of(Arrays.copyOfRange(fields, 1, fields.length));
            String where = file + ":" + (i + 1);
            if (pronunciation.isEmpty()) {
                throw new IllegalArgumentException(where + ": '" + fields[0] + "' has no phones");
            }
            for (String phone : pronunciation) {
                if (!phones.contains(phone)) {
                    throw new IllegalArgumentException(where + ": unknown phone '" + phone + "'");
                }
            }
            entries.computeIfAbsent(fields[0], word -> new ArrayList<>()).add(pronunciation);
        }
        entries.replaceAll((word, pronunciations) -> List.copyOf(pronunciations));
        return new Lexicon(Map.copyOf(entries));
    }

    /** The pronunciations of a normalised word, the preferred one first; empty when the word is unknown. */
    public List<List<String>> pronunciations(String word) {
        return entries.getOrDefault(word, List.of());
    }

    public boolean contains(String word) {
        return entries.containsKey(word);
    }

    /** Number of words. */
    public int size() {
        return entries.size();
    }
}
