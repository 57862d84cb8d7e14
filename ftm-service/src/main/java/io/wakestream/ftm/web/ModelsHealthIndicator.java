package io.wakestream.ftm.web;

import io.wakestream.common.onnx.OnnxEngine;
import io.wakestream.ftm.core.TriggerDecider;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** Readiness: the trigger decider's lattice GNN is loaded and its ONNX session open. */
@Component("models")
public class ModelsHealthIndicator extends AbstractHealthIndicator {

    private final TriggerDecider decider;
    private final OnnxEngine onnx;

    public ModelsHealthIndicator(TriggerDecider decider, OnnxEngine onnx) {
        this.decider = decider;
        this.onnx = onnx;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        var sessions = onnx.models().stream().map(model -> model.id()).toList();
        if (!sessions.contains(decider.modelId())) {
            builder.down().withDetail("reason", "no ONNX session for " + decider.modelId()).withDetail("sessions", sessions);
            return;
        }
        builder.up().withDetail("gnn", decider.modelId()).withDetail("maxArcs", decider.maxArcs())
                .withDetail("sessions", sessions.size());
    }
}
