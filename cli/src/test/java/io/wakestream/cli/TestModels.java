package io.wakestream.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A models directory for the CLI's tests, {@code target/test-models}: the project's wake-word, G2P and language models, and
 * kws-service's tiny test verifier with common's tiny phonetic encoder that it names, and ftm-service's tiny lattice
 * GNN (their scores mean nothing; they run the whole path), linked rather than copied.
 */
final class TestModels {

    private static final Map<String, Path> LINKS = Map.of(
            "wakeword-hey-jarvis", Path.of("../models/wakeword-hey-jarvis"),
            "g2p", Path.of("../models/g2p"),
            "lm-requests", Path.of("../models/lm-requests"),
            "kws-verifier", Path.of("../kws-service/src/test/resources/models/kws-verifier"),
            "phonetic-encoder", Path.of("../common/src/test/resources/models/phonetic-encoder"),
            "ftm-lattice-gnn", Path.of("../ftm-service/src/test/resources/models/ftm-lattice-gnn"));

    private TestModels() {
    }

    static synchronized Path directory() {
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
}
