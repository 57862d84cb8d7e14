package io.wakestream.common.phonetic;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wakestream.common.model.ManifestException;
import io.wakestream.common.model.ModelRepository;
import io.wakestream.common.onnx.OnnxConfig;
import io.wakestream.common.onnx.OnnxEngine;
import io.wakestream.common.onnx.OnnxProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** G2p refuses a model whose manifest does not describe what the Java code runs. */
class G2pManifestTest {

    private static final Path SHIPPED = Path.of("../models/g2p/1.0.0");

    @TempDir
    Path root;

    @Test
    void refusesAnotherTask() throws IOException {
        assertRefused(manifest -> manifest.replace("\"task\": \"g2p\"", "\"task\": \"wakeword\""), "task");
    }

    @Test
    void refusesAnotherPhoneOrder() throws IOException {
        assertRefused(manifest -> manifest.replaceFirst("\"AA\",\\s*\"AE\"", "\"AE\", \"AA\""), "phones");
    }

    @Test
    void refusesAManifestWithoutTheGraphemes() throws IOException {
        assertRefused(manifest -> manifest.replace("\"graphemes\"", "\"letters_used\""), "graphemes");
    }

    private void assertRefused(UnaryOperator<String> edit, String message) throws IOException {
        Path copy = Files.createDirectories(root.resolve("g2p/1.0.0"));
        for (String file : new String[] {"model.onnx", "lexicon.txt"}) {
            Files.copy(SHIPPED.resolve(file), copy.resolve(file));
        }
        String manifest = Files.readString(SHIPPED.resolve(ModelRepository.MANIFEST_FILE));
        String edited = edit.apply(manifest);
        if (edited.equals(manifest)) {
            throw new IllegalStateException("the edit for '" + message + "' changed nothing");
        }
        Files.writeString(copy.resolve(ModelRepository.MANIFEST_FILE), edited);
        try (OnnxEngine engine = new OnnxEngine(OnnxConfig.defaults().withProvider(OnnxProvider.CPU))) {
            assertThatThrownBy(() -> G2p.open(new ModelRepository(root).load("g2p", "1.0.0"), engine))
                    .isInstanceOf(ManifestException.class).hasMessageContaining(message);
        }
    }
}
