package io.wakestream.wakeword.web;

import io.wakestream.common.model.ModelRepository;
import io.wakestream.common.onnx.ModelInventory;
import io.wakestream.common.onnx.OnnxEngine;
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
        List<Map<String, Object>> loaded = ModelInventory.loaded(models);
        List<Map<String, Object>> sessions = ModelInventory.sessions(onnx);
        builder.withDetail("models", loaded).withDetail("onnxSessions", sessions);
    }
}
