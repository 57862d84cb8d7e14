package io.wakestream.systemtests;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Kubernetes manifests parsed into fabric8's object model: kinds it knows become their typed classes
 * ({@code Deployment}, {@code Service}, ...), custom resources such as KEDA's {@code ScaledObject} become
 * {@code GenericKubernetesResource}.
 *
 * @param resources every object, in file order
 */
record Manifests(List<HasMetadata> resources) {

    /** Every object of the YAML files (one or more documents each) under {@code directory}, kustomization files aside. */
    static Manifests ofFiles(Path directory) throws IOException {
        List<HasMetadata> resources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".yaml"))
                    .filter(path -> !path.getFileName().toString().equals("kustomization.yaml")).sorted().toList()) {
                resources.addAll(parse(Files.readString(file), file.toString()));
            }
        }
        return new Manifests(List.copyOf(resources));
    }

    /**
     * The objects kustomize renders from {@code directory} ({@code kubectl kustomize}), or empty when no kubectl is on
     * the PATH.
     *
     * @throws IllegalStateException when kustomize fails, with its message
     */
    static Optional<Manifests> rendered(Path directory) throws IOException, InterruptedException {
        Optional<Path> kubectl = kubectl();
        if (kubectl.isEmpty()) {
            return Optional.empty();
        }
        Process process = new ProcessBuilder(kubectl.get().toString(), "kustomize", directory.toString())
                .redirectErrorStream(false).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("kubectl kustomize " + directory + " failed: " + err);
        }
        return Optional.of(new Manifests(List.copyOf(parse(out, "kubectl kustomize " + directory))));
    }

    static Optional<Path> kubectl() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(directory -> Path.of(directory, "kubectl")).filter(Files::isExecutable).findFirst();
    }

    /** The objects of one kind, typed. */
    <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The objects of one kind by {@code kind} (for custom resources). */
    List<HasMetadata> kind(String kind) {
        return resources.stream().filter(resource -> kind.equals(resource.getKind())).toList();
    }

    /** The one object of that type and name. */
    <T extends HasMetadata> T named(Class<T> type, String name) {
        List<T> found = all(type).stream().filter(resource -> name.equals(resource.getMetadata().getName())).toList();
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " " + type.getSimpleName() + " named " + name + " (expected one)");
        }
        return found.getFirst();
    }

    private static List<HasMetadata> parse(String yaml, String source) {
        List<HasMetadata> resources = new ArrayList<>();
        // one document at a time: each is a whole object, so a parse error names its file
        for (String document : yaml.split("(?m)^---\\s*$")) {
            if (document.lines().allMatch(line -> line.isBlank() || line.strip().startsWith("#"))) {
                continue;
            }
            Object parsed = Serialization.unmarshal(document);
            if (!(parsed instanceof HasMetadata resource)) {
                throw new IllegalArgumentException(source + ": a document is not a Kubernetes object: " + parsed);
            }
            resources.add(resource);
        }
        return resources;
    }
}
