package io.wakestream.asr.core;

import io.wakestream.common.model.ManifestException;
import io.wakestream.common.model.ModelChecksumException;
import io.wakestream.common.model.ModelNotFoundException;
import io.wakestream.common.model.ModelRepository;
import io.wakestream.common.model.Sha256;
import io.wakestream.common.phonetic.Lexicon;
import io.wakestream.common.phonetic.PhoneSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A language model directory ({@code models/lm-requests/<version>}): {@code manifest.json} with task
 * {@value #TASK}, the ARPA file under the role {@value #LM_ROLE} and, optionally, the decoding lexicon under
 * {@value #LEXICON_ROLE}, each checked against the sha256 the manifest records.
 *
 * <p>Read here rather than through {@link ModelRepository#load}, whose manifests must name an ONNX graph
 * under the role {@code model}; the directory layout, the manifest keys and the checks are the same.
 *
 * @param id        name/version, as lattices record their model
 * @param directory the model directory
 * @param lm        the language model
 * @param lexicon   the decoding lexicon, null when the manifest lists none
 */
public record LanguageModelBundle(String id, Path directory, NgramLanguageModel lm, Lexicon lexicon) {

    public static final String TASK = "language-model";
    public static final String LM_ROLE = "lm";
    public static final String LEXICON_ROLE = "lexicon";
    public static final String DEFAULT_MODEL = "lm-requests";

    /**
     * The model {@code name} at {@code version} (blank or null: the newest) under a models directory.
     *
     * @throws ModelNotFoundException if the model, its manifest or a listed file is missing
     * @throws ManifestException      if the manifest is not a language model's or names another model
     * @throws ModelChecksumException if a file's sha256 differs from the manifest's
     */
    public static LanguageModelBundle open(Path models, String name, String version) {
        String chosen = version;
        if (chosen == null || chosen.isBlank()) {
            List<String> versions = new ModelRepository(models).versions(name);
            if (versions.isEmpty()) {
                throw new ModelNotFoundException("no version of language model " + name + " under " + models.toAbsolutePath());
            }
            chosen = versions.getLast();
        }
        return read(models.resolve(name).resolve(chosen), name, chosen);
    }

    private static LanguageModelBundle read(Path directory, String name, String version) {
        Path manifestFile = directory.resolve(ModelRepository.MANIFEST_FILE);
        if (!Files.isRegularFile(manifestFile)) {
            throw new ModelNotFoundException("language model " + name + " version " + version + " not found: no " + manifestFile);
        }
        JsonNode manifest;
        try {
            manifest = JsonMapper.builder().build().readTree(manifestFile.toFile());
        } catch (JacksonException e) {
            throw new ManifestException("cannot parse " + manifestFile + ": " + e.getOriginalMessage(), e);
        }
        String id = manifest.path("name").asString("") + "/" + manifest.path("version").asString("");
        if (!id.equals(name + "/" + version)) {
            throw new ManifestException("manifest " + manifestFile + " describes " + id + ", but its directory says "
                    + name + "/" + version, null);
        }
        if (!TASK.equals(manifest.path("task").asString(""))) {
            throw new ManifestException("model " + id + " has task '" + manifest.path("task").asString("") + "', expected '"
                    + TASK + "'", null);
        }
        Path lmFile = verified(directory, id, manifest, LM_ROLE, true);
        Path lexiconFile = verified(directory, id, manifest, LEXICON_ROLE, false);
        NgramLanguageModel lm = NgramLanguageModel.read(lmFile);
        Lexicon lexicon = lexiconFile == null ? null : Lexicon.read(lexiconFile, PhoneSet.arpabet());
        return new LanguageModelBundle(id, directory, lm, lexicon);
    }

    private static Path verified(Path directory, String id, JsonNode manifest, String role, boolean required) {
        JsonNode entry = manifest.path("files").path(role);
        if (entry.isMissingNode()) {
            if (required) {
                throw new ManifestException("model " + id + " lists no file with role '" + role + "'", null);
            }
            return null;
        }
        String path = entry.path("path").asString("");
        String expected = entry.path("sha256").asString("");
        if (path.isEmpty() || path.contains("..") || path.startsWith("/") || expected.isEmpty()) {
            throw new ManifestException("model " + id + ": file role '" + role + "' needs a relative path and a sha256", null);
        }
        Path file = directory.resolve(path);
        if (!Files.isRegularFile(file)) {
            throw new ModelNotFoundException("model " + id + " is missing its " + role + " file " + file);
        }
        String actual = Sha256.of(file);
        if (!actual.equals(expected)) {
            throw new ModelChecksumException(file, expected, actual);
        }
        return file;
    }
}
