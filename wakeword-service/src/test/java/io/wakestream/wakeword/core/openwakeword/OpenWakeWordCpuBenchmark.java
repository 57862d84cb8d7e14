package io.wakestream.wakeword.core.openwakeword;

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
import java.util.Arrays;

/**
 * Reports the CPU time the openWakeWord detector spends per second of audio on one thread (ONNX
 * Runtime with one intra-op and one inter-op thread runs on the calling thread), for the whole
 * pipeline and per graph. The graphs' cost does not depend on what the audio contains, so the
 * input is seeded noise. A report, never a test: it asserts nothing.
 *
 * <p>Arguments: the models directory (default {@code models}), seconds of audio per run (default 60).
 */
public final class OpenWakeWordCpuBenchmark {


    private OpenWakeWordCpuBenchmark() {
    }

    public static void main(String[] args) {
        Path modelsDirectory = Path.of(args.length > 0 ? args[0] : "models");
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        float[] audio = CpuCostReport.noise(seconds * OpenWakeWordDetector.SAMPLE_RATE);
        LoadedModel model = new ModelRepository(modelsDirectory).load(OpenWakeWordModels.HEY_JARVIS, OpenWakeWordModels.VERSION);
        try (OnnxEngine engine = new OnnxEngine(new OnnxConfig(OnnxProvider.CPU, 1, 1, 0))) {
            OpenWakeWordDetector detector = OpenWakeWordDetector.load(model, engine);
            int steps = audio.length / OpenWakeWordStream.STEP_SAMPLES;
            System.out.printf("openWakeWord %s on %s, %d s of audio (%d steps) per run, best and median of %d runs%n",
                    detector.modelId(), System.getProperty("os.arch"), seconds, steps, CpuCostReport.RUNS);
            CpuCostReport.report("whole pipeline", seconds, () -> {
                DetectorStream stream = detector.openStream();
                for (int offset = 0; offset < audio.length; offset += OpenWakeWordStream.STEP_SAMPLES) {
                    stream.accept(audio, offset, Math.min(OpenWakeWordStream.STEP_SAMPLES, audio.length - offset));
                }
            });
            CpuCostReport.report("  melspectrogram [1,1760]", seconds,
                    repeat(engine.load(model.id() + "#melspectrogram", model.file("melspectrogram")), steps, 1, 1760));
            CpuCostReport.report("  embedding [1,76,32,1]", seconds,
                    repeat(engine.load(model.id() + "#embedding", model.file("embedding")), steps, 1, 76, 32, 1));
            CpuCostReport.report("  keyword [1,16,96]", seconds,
                    repeat(engine.load(model.id() + "#model", model.modelFile()), steps, 1, 16, 96));
        }
    }

    private static Runnable repeat(OnnxModel graph, int times, long... shape) {
        float[] input = CpuCostReport.noise((int) Arrays.stream(shape).reduce(1, Math::multiplyExact));
        return () -> {
            for (int i = 0; i < times; i++) {
                graph.run(FloatTensor.of(input.clone(), shape));
            }
        };
    }
}
