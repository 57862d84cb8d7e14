package io.wakestream.kws.web;

import io.wakestream.common.onnx.OnnxEngine;
import io.wakestream.kws.core.KeywordVerifier;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** Readiness: the verifier, its encoder and the G2P model are loaded and their ONNX sessions open. */
@Component("models")
public class ModelsHealthIndicator extends AbstractHealthIndicator {

    private final KeywordVerifier verifier;
    private final OnnxEngine onnx;

    public ModelsHealthIndicator(KeywordVerifier verifier, OnnxEngine onnx) {
        this.verifier = verifier;
        this.onnx = onnx;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        var sessions = onnx.models().stream().map(model -> model.id()).toList();
        for (String id : new String[] {verifier.modelId(), verifier.encoderId(), verifier.g2pModelId()}) {
            if (!sessions.contains(id)) {
                builder.down().withDetail("reason", "no ONNX session for " + id).withDetail("sessions", sessions);
                return;
            }
        }
        builder.up().withDetail("verifier", verifier.modelId()).withDetail("encoder", verifier.encoderId())
                .withDetail("g2p", verifier.g2pModelId()).withDetail("threshold", verifier.threshold())
                .withDetail("sessions", sessions.size());
    }
}
