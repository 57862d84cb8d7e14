package io.wakestream.common.config;

import io.wakestream.common.onnx.OnnxConfig;
import io.wakestream.common.onnx.OnnxProvider;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where models live and how ONNX Runtime runs them, under {@code wakestream.models}.
 *
 * @param dir            the models directory: {@code <name>/<version>/model.onnx + manifest.json}
 * @param provider       {@code cpu}, {@code cuda} or {@code auto} (CUDA when it loads, CPU otherwise)
 * @param intraOpThreads threads inside one operator (0: ONNX Runtime's default)
 * @param interOpThreads threads across operators (0: ONNX Runtime's default)
 * @param cudaDeviceId   the GPU the CUDA provider uses
 */
@Validated
@ConfigurationProperties("wakestream.models")
public record ModelsProperties(
        @DefaultValue("models") @NotBlank String dir,
        @DefaultValue("auto") @NotBlank String provider,
        @DefaultValue("1") @PositiveOrZero int intraOpThreads,
        @DefaultValue("1") @PositiveOrZero int interOpThreads,
        @DefaultValue("0") @PositiveOrZero int cudaDeviceId) {

    public Path directory() {
        return Path.of(dir);
    }

    public OnnxConfig onnxConfig() {
        return new OnnxConfig(OnnxProvider.parse(provider), intraOpThreads, interOpThreads, cudaDeviceId);
    }
}
