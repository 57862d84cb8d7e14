package io.wakestream.wakeword.core.repcnn;

import io.wakestream.common.frontend.LogMelFrontend;
import io.wakestream.common.frontend.LogMelStream;
import io.wakestream.common.model.LoadedModel;
import io.wakestream.common.model.ModelRepository;
import io.wakestream.common.onnx.FloatTensor;
import io.wakestream.common.onnx.OnnxConfig;
import io.wakestream.common.onnx.OnnxEngine;
import io.wakestream.common.onnx.OnnxModel;
import io.wakestream.common.onnx.OnnxProvider;
import io.wakestream.wakeword.core.CpuCostReport;
import io.wakestream.wakeword.core.DetectorStream;

import java.nio.file.Path;

/**
 * Reports the CPU time the RepCNN detector spends per second of audio on one thread (ONNX Runtime
 * with one intra-op and one inter-op thread), fed 80 ms chunks like the openWakeWord benchmark: the
 * whole detector (frontend included), the frontend alone, and the model alone at batch 1 and at batch
 * 64 (windows of 64 streams in one call). The input is seeded noise: the cost does not depend on
 * content. A report, never a test: it asserts nothing.
 *
 * <p>Arguments: the models directory (default {@code models}), seconds of audio per run (default 60).
 */
public final class RepCnnCpuBenchmark {

    private static final String MODEL = "wakeword-hey-jarvis";
    private static final int CHUNK = 1280;

    private RepCnnCpuBenchmark() {
    }

    public static void main(String[] args) {
        Path modelsDirectory = Path.of(args.length > 0 ? args[0] : "models");
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        float[] audio = CpuCostReport.noise(seconds * LogMelFrontend.SAMPLE_RATE);
        LoadedModel model = new ModelRepository(modelsDirectory).loadLatest(MODEL);
        try (OnnxEngine engine = new OnnxEngine(new OnnxConfig(OnnxProvider.CPU, 1, 1, 0))) {
            RepCnnDetector detector = RepCnnDetector.load(model, engine);
            int windows = (int) ((LogMelFrontend.frameCount(audio.length) - detector.windowFrames()) / detector.hopFrames()) + 1;
            System.out.printf("RepCNN %s on %s, %d s of audio (%d windows) per run, best and median of %d runs%n",
                    detector.modelId(), System.getProperty("os.arch"), seconds, windows, CpuCostReport.RUNS);
            CpuCostReport.report("whole detector", seconds, () -> {
                DetectorStream stream = detector.openStream();
                for (int offset = 0; offset < audio.length; offset += CHUNK) {
                    stream.accept(audio, offset, Math.min(CHUNK, audio.length - offset));
                }
            });
            LogMelFrontend frontend = new LogMelFrontend(40);
            CpuCostReport.report("  log-mel frontend", seconds, () -> {
                LogMelStream stream = frontend.newStream();
                stream.accept(audio, (frame, features) -> { });
            });
            OnnxModel graph = engine.load(model.id(), model.modelFile());
            CpuCostReport.report("  model, batch 1", seconds, () -> repeat(graph, windows, 1, detector.windowFrames()));
            CpuCostReport.report("  model, batch 64 (per stream)", seconds, () -> repeat(graph, windows / 64 + 1, 64, detector.windowFrames()));
        }
    }

    private static void repeat(OnnxModel graph, int times, int batch, int frames) {
        float[] input = CpuCostReport.noise(batch * frames * 40);
        for (int i = 0; i < times; i++) {
            graph.run(FloatTensor.of(input.clone(), batch, frames, 40));
        }
    }
}
