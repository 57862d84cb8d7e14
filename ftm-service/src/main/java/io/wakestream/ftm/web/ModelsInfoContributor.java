package io.wakestream.ftm.web;

import io.wakestream.common.model.ModelRepository;
import io.wakestream.common.onnx.ModelInventory;
import io.wakestream.common.onnx.OnnxEngine;
import io.wakestream.ftm.config.FtmProperties;
import io.wakestream.ftm.core.TriggerDecider;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/**
 * /actuator/info lists the loaded models with their checksums, the ONNX sessions with their provider, and how
 * the decider joins (the GNN, its arc limit, the wake-word threshold it was trained behind, the timeout).
 */
@Component
public class ModelsInfoContributor implements InfoContributor {

    private final ModelRepository models;
    private final OnnxEngine onnx;
    private final TriggerDecider decider;
    private final FtmProperties properties;

    public ModelsInfoContributor(ModelRepository models, OnnxEngine onnx, TriggerDecider decider,
                                 FtmProperties properties) {
        this.models = models;
        this.onnx = onnx;
        this.decider = decider;
        this.properties = properties;
    }

    @Override
    public void contribute(Info.Builder builder) {
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("model", decider.modelId());
        decision.put("maxArcs", decider.maxArcs());
        decision.put("detectionThreshold", decider.detectionThreshold());
        decision.put("timeout", properties.timeout().toString());
        builder.withDetail("models", ModelInventory.loaded(models))
                .withDetail("onnxSessions", ModelInventory.sessions(onnx))
                .withDetail("decider", decision);
    }
}
