package io.wakestream.common.model;

import java.nio.file.Path;

/**
 * A model whose files exist and match their manifest's checksums.
 *
 * @param manifest  the model's manifest
 * @param directory the directory holding manifest.json and the files
 */
public record LoadedModel(ModelManifest manifest, Path directory) {

    /** name/version. */
    public String id() {
        return manifest.id();
    }

    /** The path of the file under {@code role}. */
    public Path file(String role) {
        return directory.resolve(manifest.file(role).path());
    }

    /** The path of the main graph ({@link ModelManifest#MODEL_ROLE}). */
    public Path modelFile() {
        return file(ModelManifest.MODEL_ROLE);
    }
}
