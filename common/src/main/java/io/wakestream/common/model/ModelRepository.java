package io.wakestream.common.model;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The models under one directory, laid out as {@code <root>/<name>/<version>/manifest.json} plus
 * the files the manifest lists. Loading a model checks that every file exists and has the sha256
 * its manifest records; each name/version is checked once and then kept.
 */
public final class ModelRepository {

    public static final String MANIFEST_FILE = "manifest.json";

    private static final Logger log = LoggerFactory.getLogger(ModelRepository.class);

    private final Path root;
    private final Map<String, LoadedModel> loaded = new ConcurrentHashMap<>();

    public ModelRepository(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** The versions of {@code name} that have a manifest, oldest first. */
    public List<String> versions(String name) {
        Path modelDirectory = modelDirectory(name);
        if (!Files.isDirectory(modelDirectory)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(modelDirectory)) {
            return children.filter(child -> Files.isRegularFile(child.resolve(MANIFEST_FILE)))
                    .map(child -> child.getFileName().toString())
                    .sorted(ModelVersions.ORDER)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + modelDirectory, e);
        }
    }

    /**
     * Loads {@code name} at {@code version}.
     *
     * @throws ModelNotFoundException if the directory, manifest or a listed file is missing
     * @throws ManifestException      if the manifest is invalid or names another model
     * @throws ModelChecksumException if a file's sha256 differs from the manifest's
     */
    public LoadedModel load(String name, String version) {
        return loaded.computeIfAbsent(name + "/" + version, id -> verify(name, version));
    }

    /** Loads the newest version of {@code name} ({@link ModelVersions#ORDER}). */
    public LoadedModel loadLatest(String name) {
        List<String> versions = versions(name);
        if (versions.isEmpty()) {
            throw new ModelNotFoundException("no version of model " + name + " under " + root
                    + " (expected " + modelDirectory(name).resolve("<version>").resolve(MANIFEST_FILE) + ")");
        }
        return load(name, versions.getLast());
    }

    /** The models loaded so far, ordered by id: what /actuator/info reports. */
    public List<LoadedModel> loaded() {
        return loaded.values().stream().sorted(Comparator.comparing(LoadedModel::id)).toList();
    }

    private LoadedModel verify(String name, String version) {
        Path directory = modelDirectory(name).resolve(checkedVersion(version)).normalize();
        if (!Files.isDirectory(directory)) {
            throw new ModelNotFoundException("model " + name + " version " + version + " not found: no directory " + directory);
        }
        Path manifestFile = directory.resolve(MANIFEST_FILE);
        ModelManifest manifest = ModelManifests.read(manifestFile);
        if (!manifest.name().equals(name) || !manifest.version().equals(version)) {
            throw new ManifestException("manifest " + manifestFile + " describes " + manifest.id()
                    + ", but its directory says " + name + "/" + version, null);
        }
        manifest.files().forEach((role, file) -> verifyFile(manifest, role, directory.resolve(file.path()), file.sha256()));
        log.info("Model {} verified in {} ({} files)", manifest.id(), directory, manifest.files().size());
        return new LoadedModel(manifest, directory);
    }

    private static void verifyFile(ModelManifest manifest, String role, Path file, String expected) {
        if (!Files.isRegularFile(file)) {
            throw new ModelNotFoundException("model " + manifest.id() + " is missing its " + role + " file " + file);
        }
        String actual = Sha256.of(file);
        if (!actual.equals(expected)) {
            throw new ModelChecksumException(file, expected, actual);
        }
    }

    private Path modelDirectory(String name) {
        if (name == null || name.isBlank() || List.of(name.split("/")).contains("..") || name.startsWith("/")) {
            throw new IllegalArgumentException("invalid model name: " + name);
        }
        return root.resolve(name);
    }

    private static String checkedVersion(String version) {
        if (version == null || version.isBlank() || version.contains("/") || version.contains("\\") || version.equals("..")) {
            throw new IllegalArgumentException("invalid model version: " + version);
        }
        return version;
    }
}
