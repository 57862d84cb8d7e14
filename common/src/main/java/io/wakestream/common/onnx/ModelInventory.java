package io.wakestream.common.onnx;

import io.wakestream.common.model.LoadedModel;
import io.wakestream.common.model.ModelRepository;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a service reports of its models in /actuator/info, the same in every service: the loaded models with
 * their checksums and the ONNX sessions with their provider.
 */
public final class ModelInventory {

    private ModelInventory() {
    }

    /** One entry per loaded model: id, task, directory, sha256 of its main graph. */
    public static List<Map<String, Object>> loaded(ModelRepository models) {
        return models.loaded().stream().map(ModelInventory::describe).toList();
    }

    /** One entry per ONNX session: id, provider, file name. */
    public static List<Map<String, Object>> sessions(OnnxEngine onnx) {
        return onnx.models().stream().map(ModelInventory::describe).toList();
    }

    private static Map<String, Object> describe(LoadedModel model) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", model.id());
        out.put("task", model.manifest().task());
        out.put("directory", model.directory().toString());
        out.put("sha256", model.manifest().file("model").sha256());
        return out;
    }

    private static Map<String, Object> describe(OnnxModel session) {
        return Map.of("id", session.id(), "provider", session.provider().name().toLowerCase(Locale.ROOT),
                "file", session.file().getFileName().toString());
    }
}
