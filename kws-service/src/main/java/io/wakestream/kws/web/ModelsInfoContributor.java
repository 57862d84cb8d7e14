package io.wakestream.kws.web;

import io.wakestream.common.model.ModelRepository;
import io.wakestream.common.onnx.ModelInventory;
import io.wakestream.common.onnx.OnnxEngine;
import io.wakestream.kws.core.KeywordVerifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/**
 * /actuator/info lists the loaded models with their checksums, the ONNX sessions with their provider, and how
 * the verifier runs (threshold, encoder, spans, partition).
 */
@Component
public class ModelsInfoContributor implements InfoContributor {

    private final ModelRepository models;
    private final OnnxEngine onnx;
    private final KeywordVerifier verifier;

    public ModelsInfoContributor(ModelRepository models, OnnxEngine onnx, KeywordVerifier verifier) {
        this.models = models;
        this.onnx = onnx;
        this.verifier = verifier;
    }

    @Override
    public void contribute(Info.Builder builder) {
        List<Map<String, Object>> loaded = ModelInventory.loaded(models);
        List<Map<String, Object>> sessions = ModelInventory.sessions(onnx);
        Map<String, Object> verification = new LinkedHashMap<>();
        verification.put("model", verifier.modelId());
        verification.put("encoder", verifier.encoderId());
        verification.put("g2p", verifier.g2pModelId());
        verification.put("threshold", verifier.threshold());
        verification.put("spans", verifier.spec().spans());
        verification.put("partition", verifier.spec().partition().name().toLowerCase(Locale.ROOT));
        builder.withDetail("models", loaded).withDetail("onnxSessions", sessions).withDetail("verifier", verification);
    }
}
