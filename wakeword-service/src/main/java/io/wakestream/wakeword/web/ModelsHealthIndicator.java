package io.wakestream.wakeword.web;

import io.wakestream.common.onnx.OnnxEngine;
import io.wakestream.wakeword.core.Detector;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** Readiness: the wake-word model is loaded and its ONNX sessions are open. */
@Component("models")
public class ModelsHealthIndicator extends AbstractHealthIndicator {

    private final Detector detector;
    private final OnnxEngine onnx;

    public ModelsHealthIndicator(Detector detector, OnnxEngine onnx) {
        this.detector = detector;
        this.onnx = onnx;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (onnx.models().isEmpty()) {
            builder.down().withDetail("reason", "no ONNX session is open");
            return;
        }
        builder.up().withDetail("detector", detector.modelId()).withDetail("keyword", detector.keyword())
                .withDetail("sessions", onnx.models().size());
    }
}
