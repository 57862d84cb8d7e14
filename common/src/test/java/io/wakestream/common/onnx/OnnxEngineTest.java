package io.wakestream.common.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class OnnxEngineTest {

    @TempDir
    static Path models;

    @BeforeAll
    static void writeModels() throws Exception {
        assumeTrue(TinyOnnxModels.pythonOnnxAvailable(),
                "needs " + TinyOnnxModels.PYTHON + " with the onnx package (apt-get install python3-onnx)");
        TinyOnnxModels.writeTo(models);
    }

    @Test
    void runsAGraphOnFloatArraysAndReturnsFloatArrays() {
        try (OnnxEngine engine = new OnnxEngine(OnnxConfig.defaults().withProvider(OnnxProvider.CPU))) {
            OnnxModel affine = engine.load("affine", models.resolve("affine.onnx"));
            float[] x = {0f, 1f, -2.5f, 3f, 0.25f, -1f};

            FloatTensor y = affine.run(FloatTensor.of(x, 2, 3));

            assertThat(y.shape()).containsExactly(2, 3);
            for (int i = 0; i < x.length; i++) {
                assertThat(y.data()[i]).isEqualTo(2 * x[i] + 1);
            }
            assertThat(affine.inputNames()).containsExactly("x");
            assertThat(affine.outputNames()).containsExactly("y");
            assertThat(affine.inputShape("x")).containsExactly(-1, 3);
        }
    }

    @Test
    void tellsTheRunListenerOfEveryRunWithItsModel() {
        List<String> runs = new CopyOnWriteArrayList<>();
        OnnxRunListener listener = (model, nanos) -> runs.add(model.id() + (nanos > 0 ? " timed" : " untimed"));
        try (OnnxEngine engine = new OnnxEngine(OnnxConfig.defaults().withProvider(OnnxProvider.CPU), listener)) {
            OnnxModel affine = engine.load("affine", models.resolve("affine.onnx"));

            affine.run(FloatTensor.of(new float[] {1f, 2f, 3f}, 1, 3));
            affine.run(FloatTensor.of(new float[] {4f, 5f, 6f}, 1, 3));

            assertThat(runs).containsExactly("affine timed", "affine timed");
        }
    }

    @Test
    void runsNamedInputsAndReturnsEveryOutputByName() {
        try (OnnxEngine engine = new OnnxEngine(OnnxConfig.defaults().withProvider(OnnxProvider.CPU))) {
            OnnxModel pair = engine.load("pair", models.resolve("pair.onnx"));
            Map<String, FloatTensor> inputs = new LinkedHashMap<>();
            inputs.put("a", FloatTensor.of(new float[] {2f, 3f}, 2));
            inputs.put("b", FloatTensor.of(new float[] {5f, -1f}, 2));

            Map<String, FloatTensor> outputs = pair.run(inputs);

            assertThat(outputs.keySet()).containsExactly("sum", "product");
            assertThat(outputs.get("sum").data()).containsExactly(7f, 2f);
            assertThat(outputs.get("product").data()).containsExactly(10f, -3f);
        }
    }

    @Test
    void sharesOneSessionPerModelIdAndListsIt() {
        try (OnnxEngine engine = new OnnxEngine(OnnxConfig.defaults().withProvider(OnnxProvider.CPU))) {
            OnnxModel first = engine.load("affine", models.resolve("affine.onnx"));
            OnnxModel again = engine.load("affine", models.resolve("affine.onnx"));
            engine.load("pair", models.resolve("pair.onnx"));

            assertThat(again).isSameAs(first);
            assertThat(engine.models()).extracting(OnnxModel::id).containsExactly("affine", "pair");
        }
    }

    @Test
    void closingTheEngineReleasesItsSessions() {
        OnnxEngine engine = new OnnxEngine(OnnxConfig.defaults().withProvider(OnnxProvider.CPU));
        OnnxModel before = engine.load("affine", models.resolve("affine.onnx"));

        engine.close();

        assertThat(engine.models()).isEmpty();
        assertThat(engine.load("affine", models.resolve("affine.onnx"))).isNotSameAs(before);
        engine.close();
    }

    @Test
    void closingWaitsForRunsInFlightAndLaterRunsFailWithAClearError() throws Exception {
        OnnxEngine engine = new OnnxEngine(OnnxConfig.defaults().withProvider(OnnxProvider.CPU));
        OnnxModel affine = engine.load("affine", models.resolve("affine.onnx"));
        float[] x = new float[3 * 4096];
        AtomicInteger ran = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<Throwable> unexpected = new CopyOnWriteArrayList<>();
        CountDownLatch running = new CountDownLatch(4);
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            callers.add(Thread.ofPlatform().start(() -> {
                running.countDown();
                for (int run = 0; run < 10_000; run++) {
                    try {
                        assertThat(affine.run(FloatTensor.of(x, 4096, 3)).data()[0]).isEqualTo(1f);
                        ran.incrementAndGet();
                    } catch (OnnxException e) {
                        assertThat(e).hasMessage("model affine is closed");
                        refused.incrementAndGet();
                        return;
                    } catch (Throwable e) {
                        unexpected.add(e);
                        return;
                    }
                }
            }));
        }
        running.await();
        engine.close();
        for (Thread caller : callers) {
            caller.join();
        }

        assertThat(unexpected).isEmpty();
        assertThat(ran.get() + refused.get()).isPositive();
        assertThatThrownBy(() -> affine.run(FloatTensor.of(x, 4096, 3)))
                .isInstanceOf(OnnxException.class).hasMessage("model affine is closed");
    }

    @Test
    void refusesAnIdAlreadyTakenByAnotherFile() {
        try (OnnxEngine engine = new OnnxEngine(OnnxConfig.defaults().withProvider(OnnxProvider.CPU))) {
            engine.load("m", models.resolve("affine.onnx"));

            assertThatThrownBy(() -> engine.load("m", models.resolve("pair.onnx")))
                    .isInstanceOf(OnnxException.class)
                    .hasMessageContaining("already loaded from")
                    .hasMessageContaining("affine.onnx");
        }
    }

    @Test
    void reportsAMissingOrInvalidFileByName(@TempDir Path empty) throws Exception {
        Path garbage = empty.resolve("garbage.onnx");
        java.nio.file.Files.writeString(garbage, "not a model");
        try (OnnxEngine engine = new OnnxEngine(OnnxConfig.defaults().withProvider(OnnxProvider.CPU))) {
            assertThatThrownBy(() -> engine.load("missing", empty.resolve("missing.onnx")))
                    .isInstanceOf(OnnxException.class)
                    .hasMessageContaining("missing.onnx");
            assertThatThrownBy(() -> engine.load("garbage", garbage))
                    .isInstanceOf(OnnxException.class)
                    .hasMessageContaining("garbage.onnx");
        }
    }

    @Test
    void rejectsWrongInputNamesAndNonFloatOutputs() {
        try (OnnxEngine engine = new OnnxEngine(OnnxConfig.defaults().withProvider(OnnxProvider.CPU))) {
            OnnxModel pair = engine.load("pair", models.resolve("pair.onnx"));
            OnnxModel argmax = engine.load("argmax", models.resolve("argmax.onnx"));

            assertThatThrownBy(() -> pair.run(Map.of("a", FloatTensor.of(new float[2], 2))))
                    .isInstanceOf(OnnxException.class)
                    .hasMessageContaining("takes inputs [a, b]");
            assertThatThrownBy(() -> pair.run(FloatTensor.of(new float[2], 2)))
                    .isInstanceOf(OnnxException.class)
                    .hasMessageContaining("exactly one");
            assertThatThrownBy(() -> argmax.run(FloatTensor.of(new float[] {1f, 4f, 2f, 0f}, 4)))
                    .isInstanceOf(OnnxException.class)
                    .hasMessageContaining("only float32");
        }
    }

    @Test
    void reportsARunThatOnnxRuntimeRejects() {
        try (OnnxEngine engine = new OnnxEngine(OnnxConfig.defaults().withProvider(OnnxProvider.CPU))) {
            OnnxModel affine = engine.load("affine", models.resolve("affine.onnx"));

            assertThatThrownBy(() -> affine.run(FloatTensor.of(new float[4], 2, 2)))
                    .isInstanceOf(OnnxException.class)
                    .hasMessageContaining("model affine failed to run");
        }
    }

    @Test
    void runsWithConfiguredThreadCounts() {
        try (OnnxEngine engine = new OnnxEngine(new OnnxConfig(OnnxProvider.CPU, 2, 2, 0))) {
            FloatTensor y = engine.load("affine", models.resolve("affine.onnx")).run(FloatTensor.of(new float[] {1, 2, 3}, 1, 3));

            assertThat(y.data()).containsExactly(3f, 5f, 7f);
        }
    }

    @Test
    void autoFallsBackToTheCpuWithAWarningWhereCudaDoesNotLoad() {
        assumeFalse(cudaLoads(), "CUDA loads on this host");
        Logger logger = (Logger) LoggerFactory.getLogger(OnnxEngine.class);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        try (OnnxEngine engine = new OnnxEngine(OnnxConfig.defaults().withProvider(OnnxProvider.AUTO))) {
            OnnxModel affine = engine.load("affine", models.resolve("affine.onnx"));
            engine.load("pair", models.resolve("pair.onnx"));

            assertThat(affine.provider()).isEqualTo(OnnxProvider.CPU);
            assertThat(affine.run(FloatTensor.of(new float[] {0, 0, 0}, 1, 3)).data()).containsExactly(1f, 1f, 1f);
            List<ILoggingEvent> warnings = logs.list.stream().filter(event -> event.getLevel() == Level.WARN).toList();
            assertThat(warnings).hasSize(1);
            assertThat(warnings.getFirst().getFormattedMessage()).contains("CUDA is not available").contains("CPU");
        } finally {
            logger.detachAppender(logs);
        }
    }

    @Test
    void cudaRequestedWhereItDoesNotLoadIsAClearError() {
        assumeFalse(cudaLoads(), "CUDA loads on this host");
        try (OnnxEngine engine = new OnnxEngine(OnnxConfig.defaults().withProvider(OnnxProvider.CUDA))) {
            assertThatThrownBy(() -> engine.load("affine", models.resolve("affine.onnx")))
                    .isInstanceOf(OnnxException.class)
                    .hasMessageContaining("provider cuda was requested but CUDA is not available")
                    .hasMessageContaining("-Pcuda");
            assertThat(engine.models()).isEmpty();
        }
    }

    @Test
    void usesCudaWhereItLoads() {
        assumeTrue(cudaLoads(), "CUDA does not load on this host");
        try (OnnxEngine engine = new OnnxEngine(OnnxConfig.defaults().withProvider(OnnxProvider.AUTO))) {
            OnnxModel affine = engine.load("affine", models.resolve("affine.onnx"));

            assertThat(affine.provider()).isEqualTo(OnnxProvider.CUDA);
            assertThat(affine.run(FloatTensor.of(new float[] {1, 2, 3}, 1, 3)).data()).containsExactly(3f, 5f, 7f);
        }
    }

    // CUDA counts as loading when the build has the provider and a session really comes up on it.
    private static boolean cudaLoads() {
        if (!OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA)) {
            return false;
        }
        try (OnnxEngine probe = new OnnxEngine(OnnxConfig.defaults().withProvider(OnnxProvider.CUDA))) {
            probe.load("probe", models.resolve("affine.onnx"));
            return true;
        } catch (OnnxException e) {
            return false;
        }
    }
}
