package io.wakestream.common.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code manifest.json} beside a model's files: what the model is, the files it needs with
 * their checksums, the features it expects, its thresholds, and how it was made and evaluated.
 * A single-graph model has one file under the role {@value #MODEL_ROLE}; a pipeline such as
 * openWakeWord adds its other graphs under their own roles.
 *
 * @param name        lower-case name; {@code /} separates a namespace, e.g. {@code openwakeword/hey_jarvis}
 * @param version     version, ordered by {@link ModelVersions#ORDER}
 * @param task        what the model does, e.g. {@code wakeword}
 * @param keyword     the phrase a keyword model detects, lower case; null for other tasks
 * @param description one line for people
 * @param files       the files by role; {@value #MODEL_ROLE} is required
 * @param frontend    the audio features the model expects; null if it takes none
 * @param thresholds  decision thresholds by name, e.g. {@code detection}
 * @param training    training recipe and data
 * @param evaluation  evaluation figures by name
 * @param source      provenance and licence
 * @param phones      the output symbols of a phonetic model in index order (the CTC blank first); empty
 *                    for other models
 * @param architecture the network's settings a runtime needs besides the graph (e.g. a G2P model's
 *                    graphemes); empty when the manifest has none
 */
public record ModelManifest(
        String name,
        String version,
        String task,
        String keyword,
        String description,
        Map<String, ModelFile> files,
        FrontendSpec frontend,
        Map<String, Double> thresholds,
        TrainingInfo training,
        Map<String, Object> evaluation,
        ModelSource source,
        List<String> phones,
        Map<String, Object> architecture) {

    /** The role of a model's main graph, stored as {@code model.onnx}. */
    public static final String MODEL_ROLE = "model";

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]*(/[a-z0-9][a-z0-9_.-]*)*");
    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z_.+-]*");

    public ModelManifest {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name must be lower-case words separated by / (e.g. openwakeword/hey_jarvis), got " + name);
        }
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("version must be letters, digits, '.', '_', '+' or '-', got " + version);
        }
        if (task == null || task.isBlank()) {
            throw new IllegalArgumentException("task is missing");
        }
        if (files == null || !files.containsKey(MODEL_ROLE)) {
            throw new IllegalArgumentException("files must contain the role '" + MODEL_ROLE + "'");
        }
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
        thresholds = thresholds == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(thresholds));
        evaluation = evaluation == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(evaluation));
        phones = phones == null ? List.of() : List.copyOf(phones);
        architecture = architecture == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(architecture));
    }

    /** name/version, as events and logs record a model. */
    public String id() {
        return name + "/" + version;
    }

    /** The file under {@code role}. */
    public ModelFile file(String role) {
        ModelFile file = files.get(role);
        if (file == null) {
            throw new ModelException("model " + id() + " has no file with role '" + role + "'; it has " + files.keySet());
        }
        return file;
    }

    /** The threshold named {@code name}. */
    public double threshold(String name) {
        Double threshold = thresholds.get(name);
        if (threshold == null) {
            throw new ModelException("model " + id() + " has no threshold '" + name + "'; it has " + thresholds.keySet());
        }
        return threshold;
    }
}
