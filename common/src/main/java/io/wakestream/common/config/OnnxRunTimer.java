package io.wakestream.common.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.wakestream.common.onnx.OnnxModel;
import io.wakestream.common.onnx.OnnxRunListener;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Times every ONNX graph run as {@code wakestream.onnx.run} (Prometheus {@code wakestream_onnx_run_seconds}), tagged
 * with the model id it was loaded under and the provider it runs on; a percentile histogram, so dashboards can show
 * p50/p99 per model.
 */
final class OnnxRunTimer implements OnnxRunListener {

    private final MeterRegistry registry;
    // one timer per model, looked up on every run: a map hit instead of the registry's builder and lookup
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    OnnxRunTimer(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void ran(OnnxModel model, long nanos) {
        timers.computeIfAbsent(model.id(), id -> Timer.builder("wakestream.onnx.run")
                        .description("Time of one ONNX graph run: input tensors, the session run, output copies")
                        .tag("model", id)
                        .tag("provider", model.provider().name().toLowerCase(Locale.ROOT))
                        .publishPercentileHistogram()
                        .register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }
}
