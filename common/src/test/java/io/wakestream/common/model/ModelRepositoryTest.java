package io.wakestream.common.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelRepositoryTest {

    @TempDir
    Path root;

    @Test
    void loadsAModelWhoseFilesMatchTheirChecksums() throws IOException {
        Path directory = writeModel("repcnn", "1.0", Map.of("model", "model.onnx", "extra", "lexicon.txt"));
        ModelRepository repository = new ModelRepository(root);

        LoadedModel model = repository.load("repcnn", "1.0");

        assertThat(model.id()).isEqualTo("repcnn/1.0");
        assertThat(model.directory()).isEqualTo(directory);
        assertThat(model.modelFile()).isEqualTo(directory.resolve("model.onnx"));
        assertThat(model.file("extra")).isEqualTo(directory.resolve("lexicon.txt"));
        assertThat(model.manifest().threshold("detection")).isEqualTo(0.5);
        assertThat(repository.loaded()).containsExactly(model);
        assertThat(repository.load("repcnn", "1.0")).isSameAs(model);
    }

    @Test
    void namespacedNamesLiveInNestedDirectories() throws IOException {
        writeModel("openwakeword/hey_jarvis", "0.1", Map.of("model", "model.onnx", "melspectrogram", "melspectrogram.onnx"));

        LoadedModel model = new ModelRepository(root).load("openwakeword/hey_jarvis", "0.1");

        assertThat(model.modelFile()).isEqualTo(root.resolve("openwakeword/hey_jarvis/0.1/model.onnx"));
        assertThat(model.file("melspectrogram")).isEqualTo(root.resolve("openwakeword/hey_jarvis/0.1/melspectrogram.onnx"));
    }

    @Test
    void aChangedFileFailsWithFileExpectedAndActualChecksum() throws IOException {
        Path directory = writeModel("repcnn", "1.0", Map.of("model", "model.onnx"));
        String expected = Sha256.of(directory.resolve("model.onnx"));
        Files.writeString(directory.resolve("model.onnx"), "tampered");
        String actual = Sha256.of(directory.resolve("model.onnx"));
        ModelRepository repository = new ModelRepository(root);

        assertThatThrownBy(() -> repository.load("repcnn", "1.0"))
                .isInstanceOfSatisfying(ModelChecksumException.class, e -> {
                    assertThat(e.file()).isEqualTo(directory.resolve("model.onnx"));
                    assertThat(e.expected()).isEqualTo(expected);
                    assertThat(e.actual()).isEqualTo(actual);
                })
                .hasMessageContaining(directory.resolve("model.onnx").toString())
                .hasMessageContaining(expected)
                .hasMessageContaining(actual);
        assertThat(repository.loaded()).isEmpty();
    }

    @Test
    void missingDirectoryManifestOrFileFailsNamingWhatIsMissing() throws IOException {
        Path directory = writeModel("repcnn", "1.0", Map.of("model", "model.onnx", "melspectrogram", "mel.onnx"));
        Files.delete(directory.resolve("mel.onnx"));
        Files.createDirectories(root.resolve("repcnn/2.0"));
        ModelRepository repository = new ModelRepository(root);

        assertThatThrownBy(() -> repository.load("repcnn", "1.0"))
                .isInstanceOf(ModelNotFoundException.class)
                .hasMessageContaining("melspectrogram")
                .hasMessageContaining(directory.resolve("mel.onnx").toString());
        assertThatThrownBy(() -> repository.load("repcnn", "2.0"))
                .isInstanceOf(ModelNotFoundException.class)
                .hasMessageContaining(root.resolve("repcnn/2.0/manifest.json").toString());
        assertThatThrownBy(() -> repository.load("repcnn", "3.0"))
                .isInstanceOf(ModelNotFoundException.class)
                .hasMessageContaining(root.resolve("repcnn/3.0").toString());
        assertThatThrownBy(() -> repository.loadLatest("absent"))
                .isInstanceOf(ModelNotFoundException.class)
                .hasMessageContaining("no version of model absent");
    }

    @Test
    void latestIsTheHighestVersionWithAManifest() throws IOException {
        writeModel("repcnn", "0.2", Map.of("model", "model.onnx"));
        writeModel("repcnn", "0.10", Map.of("model", "model.onnx"));
        writeModel("repcnn", "0.9", Map.of("model", "model.onnx"));
        Files.createDirectories(root.resolve("repcnn/9.0"));
        ModelRepository repository = new ModelRepository(root);

        assertThat(repository.versions("repcnn")).containsExactly("0.2", "0.9", "0.10");
        assertThat(repository.loadLatest("repcnn").manifest().version()).isEqualTo("0.10");
    }

    @Test
    void aManifestForAnotherModelIsRejected() throws IOException {
        Path directory = writeModel("repcnn", "1.0", Map.of("model", "model.onnx"));
        Files.createDirectories(root.resolve("repcnn/1.1"));
        Files.copy(directory.resolve("manifest.json"), root.resolve("repcnn/1.1/manifest.json"));

        assertThatThrownBy(() -> new ModelRepository(root).load("repcnn", "1.1"))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("describes repcnn/1.0");
    }

    @Test
    void anInvalidManifestNamesTheFileAndTheProblem() throws IOException {
        Path directory = Files.createDirectories(root.resolve("repcnn/1.0"));
        Files.writeString(directory.resolve("manifest.json"), """
                {"name": "repcnn", "version": "1.0", "task": "wakeword",
                 "files": {"model": {"path": "model.onnx", "sha256": "abc"}}}
                """);

        assertThatThrownBy(() -> new ModelRepository(root).load("repcnn", "1.0"))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining(directory.resolve("manifest.json").toString())
                .hasMessageContaining("sha256 of 64 hex digits");
    }

    @Test
    void pathsOutsideTheRootAreRefused() {
        ModelRepository repository = new ModelRepository(root);

        assertThatThrownBy(() -> repository.load("../etc", "1.0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> repository.load("repcnn", "..")).isInstanceOf(IllegalArgumentException.class);
    }

    private Path writeModel(String name, String version, Map<String, String> filesByRole) throws IOException {
        Path directory = Files.createDirectories(root.resolve(name).resolve(version));
        Map<String, ModelFile> files = new LinkedHashMap<>();
        for (Map.Entry<String, String> role : filesByRole.entrySet()) {
            Path file = directory.resolve(role.getValue());
            Files.writeString(file, name + " " + version + " " + role.getKey());
            files.put(role.getKey(), new ModelFile(role.getValue(), Sha256.of(file), List.of(), List.of()));
        }
        ModelManifest manifest = new ModelManifest(name, version, "wakeword", "hey jarvis", null, files,
                new FrontendSpec("logmel", 16000, Map.of("n_mels", 40)), Map.of("detection", 0.5),
                null, null, null, null, null);
        ModelManifests.write(manifest, directory.resolve(ModelRepository.MANIFEST_FILE));
        return directory;
    }
}
