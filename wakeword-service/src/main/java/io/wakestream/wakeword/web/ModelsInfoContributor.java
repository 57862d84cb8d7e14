package io.wakestream.wakeword.web;

import io.wakestream.common.model.LoadedModel;
import io.wakestream.common.model.ModelRepository;
import io.wakestream.common.onnx.OnnxEngine;
import io.wakestream.common.onnx.OnnxModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/** /actuator/info lists the loaded models with their checksums and the ONNX sessions with their provider. */
@Component
public class ModelsInfoContributor implements InfoContributor {

    private final ModelRepository models;
    private final OnnxEngine onnx;

    public ModelsInfoContributor(ModelRepository models, OnnxEngine onnx) {
        this.models = models;
        this.onnx = onnx;
    }

    @Override
    public void contribute(Info.Builder builder) {
        List<Map<String, Object>> loaded = models.loaded().stream().map(ModelsInfoContributor::describe).toList();
        List<Map<String, Object>> sessions = onnx.models().stream().map(ModelsInfoContributor::describe).toList();
        builder.withDetail("models", loaded).withDetail("onnxSessions", sessions);
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
        return Map.of("id", session.id(), "provider", session.provider().name().toLowerCase(java.util.Locale.ROOT),
                "file", session.file().getFileName().toString());
    }
}
