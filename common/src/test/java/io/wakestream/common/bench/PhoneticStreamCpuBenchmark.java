package io.wakestream.common.bench;

import io.wakestream.common.frontend.LogMelFrontend;
import io.wakestream.common.model.ModelManifest;
import io.wakestream.common.model.ModelManifests;
import io.wakestream.common.model.ModelRepository;
import io.wakestream.common.onnx.OnnxConfig;
import io.wakestream.common.onnx.OnnxEngine;
import io.wakestream.common.onnx.OnnxProvider;
import io.wakestream.common.phonetic.PhoneticEncoder;
import io.wakestream.common.phonetic.PhoneticEncoderConfig;
import io.wakestream.common.phonetic.PhoneticStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Reports the CPU time one {@link PhoneticStream} spends per second of audio on one thread (ONNX
 * Runtime with one intra-op and one inter-op thread), the log-mel frontend included: audio in 20 ms
 * chunks as a live stream sends it, at several outputs per model call (the latency / CPU trade-off of
 * {@link PhoneticEncoderConfig#outputsPerCall()}), and the whole clip in one chunk as
 * {@code transcribe-phones} runs it; then the frontend alone. The input is seeded noise: the cost does
 * not depend on content. Each figure is the best and the median of 5 runs after one warm-up. A report,
 * never a test: it asserts nothing. Keep runs short on shared machines.
 *
 * <p>Arguments: an encoder's model directory ({@code <models>/<name>/<version>}, default
 * {@code models/phonetic-encoder/1.0.0}), seconds of audio per run (default 20). From the repository
 * root; the classpath travels in an argument file because ONNX Runtime crashes the JVM when the
 * command line is thousands of characters long:
 *
 * <pre>
 * ./mvnw -q -pl common test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/cp.txt
 * echo "-cp common/target/test-classes:common/target/classes:$(cat common/target/cp.txt)" &gt; common/target/bench.args
 * java -Xss8m --enable-native-access=ALL-UNNAMED @common/target/bench.args \
 *     io.wakestream.common.bench.PhoneticStreamCpuBenchmark models/phonetic-encoder/1.0.0 20
 * </pre>
 */
public final class PhoneticStreamCpuBenchmark {

    private static final int RUNS = 5;
    private static final int CHUNK = 320;
    private static final int[] OUTPUTS_PER_CALL = {1, 4, 16, 64};
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private PhoneticStreamCpuBenchmark() {
    }

    public static void main(String[] args) {
        Path directory = Path.of(args.length > 0 ? args[0] : "models/phonetic-encoder/1.0.0").toAbsolutePath().normalize();
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        ModelManifest manifest = ModelManifests.read(directory.resolve(ModelRepository.MANIFEST_FILE));
        Path root = directory;
        for (int i = 0; i <= manifest.name().split("/").length; i++) {
            root = root.getParent();
        }
        ModelRepository models = new ModelRepository(root);
        float[] audio = noise(seconds * LogMelFrontend.SAMPLE_RATE);
        try (OnnxEngine engine = new OnnxEngine(new OnnxConfig(OnnxProvider.CPU, 1, 1, 0))) {
            System.out.printf("PhoneticStream %s on %s, %d s of audio per run, best and median of %d runs%n",
                    manifest.id(), System.getProperty("os.arch"), seconds, RUNS);
            for (int outputsPerCall : OUTPUTS_PER_CALL) {
                PhoneticEncoder encoder = open(models, manifest, outputsPerCall, engine);
                report(String.format("20 ms chunks, %d outputs a call", outputsPerCall), seconds, () -> {
                    PhoneticStream stream = encoder.newStream();
                    for (int offset = 0; offset < audio.length; offset += CHUNK) {
                        stream.acceptSamples(audio, offset, Math.min(CHUNK, audio.length - offset));
                    }
                    stream.finish();
                });
            }
            PhoneticEncoder encoder = open(models, manifest, PhoneticEncoderConfig.DEFAULT_OUTPUTS_PER_CALL, engine);
            report("whole clip in one chunk", seconds, () -> {
                PhoneticStream stream = encoder.newStream();
                stream.acceptSamples(audio);
                stream.finish();
            });
            LogMelFrontend frontend = new LogMelFrontend(encoder.spec().nMels());
            report("  of which log-mel frontend", seconds, () -> frontend.newStream().accept(audio, (frame, features) -> { }));
        }
    }

    private static PhoneticEncoder open(ModelRepository models, ModelManifest manifest, int outputsPerCall, OnnxEngine engine) {
        return PhoneticEncoder.open(models, new PhoneticEncoderConfig(manifest.name(), manifest.version(), outputsPerCall), engine);
    }

    private static void report(String name, int audioSeconds, Runnable run) {
        run.run();
        long[] cpuNanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            run.run();
            cpuNanos[i] = THREADS.getCurrentThreadCpuTime() - cpu;
        }
        Arrays.sort(cpuNanos);
        System.out.printf("%-34s CPU %8.3f ms per audio second (median %8.3f)%n",
                name, cpuNanos[0] / 1e6 / audioSeconds, cpuNanos[RUNS / 2] / 1e6 / audioSeconds);
    }

    /** Uniform noise in [-0.1, 0.1), the same for every run. */
    private static float[] noise(int samples) {
        SplittableRandom random = new SplittableRandom(7);
        float[] noise = new float[samples];
        for (int i = 0; i < samples; i++) {
            noise[i] = (float) random.nextDouble(-0.1, 0.1);
        }
        return noise;
    }
}
