package io.wakestream.cli;

import io.wakestream.common.model.ModelRepository;
import io.wakestream.common.onnx.OnnxConfig;
import io.wakestream.common.onnx.OnnxEngine;
import io.wakestream.common.onnx.OnnxProvider;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * The options every offline command that runs a model shares (a picocli mixin): where models live,
 * which version, and the ONNX Runtime provider. The model's name stays with each command, whose default
 * differs.
 */
final class ModelOptions {

    @Option(names = "--model-version", defaultValue = "", description = "Model version (default: the newest).")
    String modelVersion;

    @Option(names = "--models-dir", defaultValue = "${env:WAKESTREAM_MODELS_DIR:-models}",
            description = "Models directory (default: ${DEFAULT-VALUE}).")
    Path modelsDir;

    @Option(names = "--provider", defaultValue = "auto", description = "ONNX provider: cpu, cuda or auto.")
    String provider;

    ModelRepository repository() {
        return new ModelRepository(modelsDir);
    }

    /** A new engine on the chosen provider; the caller closes it. */
    OnnxEngine engine() {
        return new OnnxEngine(OnnxConfig.defaults().withProvider(OnnxProvider.parse(provider)));
    }
}
