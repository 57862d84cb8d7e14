package io.wakestream.wakeword.core.openwakeword;

import io.wakestream.common.model.LoadedModel;
import io.wakestream.common.model.ModelRepository;
import io.wakestream.common.onnx.FloatTensor;
import io.wakestream.common.onnx.OnnxConfig;
import io.wakestream.common.onnx.OnnxEngine;
import io.wakestream.common.onnx.OnnxModel;
import io.wakestream.common.onnx.OnnxProvider;
import io.wakestream.wakeword.core.DetectorStream;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Reports the CPU time the openWakeWord detector spends per second of audio on one thread (ONNX
 * Runtime with one intra-op and one inter-op thread runs on the calling thread), for the whole
 * pipeline and per graph. The graphs' cost does not depend on what the audio contains, so the
 * input is seeded noise. A report, never a test: it asserts nothing.
 *
 * <p>Arguments: the models directory (default {@code models}), seconds of audio per run (default 60).
 */
public final class OpenWakeWordCpuBenchmark {

    private static final int RUNS = 5;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private OpenWakeWordCpuBenchmark() {
    }

    public static void main(String[] args) {
        Path modelsDirectory = Path.of(args.length > 0 ? args[0] : "models");
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        float[] audio = noise(seconds * OpenWakeWordDetector.SAMPLE_RATE);
        LoadedModel model = new ModelRepository(modelsDirectory).load(OpenWakeWordModels.HEY_JARVIS, OpenWakeWordModels.VERSION);
        try (OnnxEngine engine = new OnnxEngine(new OnnxConfig(OnnxProvider.CPU, 1, 1, 0))) {
            OpenWakeWordDetector detector = OpenWakeWordDetector.load(model, engine);
            int steps = audio.length / OpenWakeWordStream.STEP_SAMPLES;
            System.out.printf("openWakeWord %s on %s, %d s of audio (%d steps) per run, best and median of %d runs%n",
                    detector.modelId(), System.getProperty("os.arch"), seconds, steps, RUNS);
            report("whole pipeline", seconds, () -> {
                DetectorStream stream = detector.openStream();
                for (int offset = 0; offset < audio.length; offset += OpenWakeWordStream.STEP_SAMPLES) {
                    stream.accept(audio, offset, Math.min(OpenWakeWordStream.STEP_SAMPLES, audio.length - offset));
                }
                return null;
            });
            report("  melspectrogram [1,1760]", seconds,
                    repeat(engine.load(model.id() + "#melspectrogram", model.file("melspectrogram")), steps, 1, 1760));
            report("  embedding [1,76,32,1]", seconds,
                    repeat(engine.load(model.id() + "#embedding", model.file("embedding")), steps, 1, 76, 32, 1));
            report("  keyword [1,16,96]", seconds,
                    repeat(engine.load(model.id() + "#model", model.modelFile()), steps, 1, 16, 96));
        }
    }

    private static Supplier<Void> repeat(OnnxModel graph, int times, long... shape) {
        float[] input = noise((int) Arrays.stream(shape).reduce(1, Math::multiplyExact));
        return () -> {
            for (int i = 0; i < times; i++) {
                graph.run(FloatTensor.of(input.clone(), shape));
            }
            return null;
        };
    }

    private static void report(String name, int audioSeconds, Supplier<Void> run) {
        run.get();
        long[] cpuNanos = new long[RUNS];
        long[] wallNanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            run.get();
            cpuNanos[i] = THREADS.getCurrentThreadCpuTime() - cpu;
            wallNanos[i] = System.nanoTime() - wall;
        }
        Arrays.sort(cpuNanos);
        Arrays.sort(wallNanos);
        System.out.printf("%-28s CPU %7.2f ms per audio second (median %7.2f), wall %7.2f ms, real-time factor %.4f%n",
                name, cpuNanos[0] / 1e6 / audioSeconds, cpuNanos[RUNS / 2] / 1e6 / audioSeconds,
                wallNanos[0] / 1e6 / audioSeconds, cpuNanos[0] / 1e9 / audioSeconds);
    }

    private static float[] noise(int samples) {
        SplittableRandom random = new SplittableRandom(7);
        float[] noise = new float[samples];
        for (int i = 0; i < samples; i++) {
            noise[i] = (float) random.nextDouble(-0.1, 0.1);
        }
        return noise;
    }
}
