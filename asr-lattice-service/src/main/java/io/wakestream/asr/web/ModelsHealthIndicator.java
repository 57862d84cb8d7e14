package io.wakestream.asr.web;

import io.wakestream.asr.core.SegmentRecognizer;
import io.wakestream.common.onnx.OnnxEngine;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** Readiness: the recognizer is open, its encoder's ONNX session among the engine's and its language model loaded. */
@Component("models")
public class ModelsHealthIndicator extends AbstractHealthIndicator {

    private final SegmentRecognizer recognizer;
    private final OnnxEngine onnx;

    public ModelsHealthIndicator(SegmentRecognizer recognizer, OnnxEngine onnx) {
        this.recognizer = recognizer;
        this.onnx = onnx;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        var sessions = onnx.models().stream().map(model -> model.id()).toList();
        if (!recognizer.isOpen()) {
            builder.down().withDetail("reason", "segment recognizer closed");
            return;
        }
        if (!sessions.contains(recognizer.encoderId())) {
            builder.down().withDetail("reason", "no ONNX session for " + recognizer.encoderId()).withDetail("sessions", sessions);
            return;
        }
        builder.up().withDetail("encoder", recognizer.encoderId()).withDetail("lm", recognizer.languageModelId())
                .withDetail("model", recognizer.modelId());
    }
}
