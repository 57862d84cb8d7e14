package io.wakestream.kws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A models directory for tests, {@code target/test-models}: the tiny test verifier of this module
 * (src/test/resources/models/kws-verifier/0.0.0-tiny, made by src/test/python/make_tiny_verifier.py), common's
 * tiny phonetic encoder that it names, and the project's G2P model, linked rather than copied.
 */
public final class TestModels {

    /** What the directory links to, relative to this module. */
    private static final Map<String, Path> LINKS = Map.of(
            "kws-verifier", Path.of("src/test/resources/models/kws-verifier"),
            "phonetic-encoder", Path.of("../common/src/test/resources/models/phonetic-encoder"),
            "g2p", Path.of("../models/g2p"));

    public static final String VERIFIER_VERSION = "0.0.0-tiny";

    private TestModels() {
    }

    /** The directory, created on first use. */
    public static synchronized Path directory() {
        Path directory = Path.of("target/test-models").toAbsolutePath();
        try {
            Files.createDirectories(directory);
            for (Map.Entry<String, Path> link : LINKS.entrySet()) {
                Path at = directory.resolve(link.getKey());
                if (!Files.exists(at)) {
                    Files.deleteIfExists(at);
                    Files.createSymbolicLink(at, link.getValue().toAbsolutePath().normalize());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lay out the test models in " + directory, e);
        }
        return directory;
    }

    /** A directory of the same models whose kws-verifier is a copy that a test may change. */
    public static Path copyWithVerifier(Path into) throws IOException {
        for (Map.Entry<String, Path> link : LINKS.entrySet()) {
            if (!link.getKey().equals("kws-verifier")) {
                Files.createSymbolicLink(into.resolve(link.getKey()), link.getValue().toAbsolutePath().normalize());
            }
        }
        Path source = LINKS.get("kws-verifier").resolve(VERIFIER_VERSION);
        Path target = Files.createDirectories(into.resolve("kws-verifier").resolve(VERIFIER_VERSION));
        try (var files = Files.list(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        return into;
    }
}
