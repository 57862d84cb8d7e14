package io.wakestream.wakeword.config;

import io.wakestream.common.model.ModelRepository;
import io.wakestream.common.onnx.OnnxEngine;
import io.wakestream.wakeword.core.Detector;
import io.wakestream.wakeword.core.Detectors;
import io.wakestream.wakeword.core.WakewordEngine;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The wake-word model, loaded (and its checksum verified) at start-up, and the engine running it. */
@Configuration(proxyBeanMethods = false)
public class DetectorConfiguration {

    @Bean(destroyMethod = "close")
    Detector detector(ModelRepository models, OnnxEngine onnx, WakewordProperties properties) {
        return Detectors.open(models, properties.model(), properties.modelVersion(), onnx);
    }

    @Bean
    WakewordEngine wakewordEngine(Detector detector, WakewordProperties properties) {
        return new WakewordEngine(detector, properties.sessionSettings(), Clock.systemUTC());
    }
}
