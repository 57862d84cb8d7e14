package io.wakestream.wakeword.config;

import io.wakestream.common.model.ModelRepository;
import io.wakestream.common.onnx.OnnxEngine;
import io.wakestream.wakeword.core.Detector;
import io.wakestream.wakeword.core.Detectors;
import io.wakestream.wakeword.core.SessionSettings;
import io.wakestream.wakeword.core.WakewordEngine;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The wake-word model, loaded (and its checksum verified) at start-up, and the engine running it. */
@Configuration(proxyBeanMethods = false)
public class DetectorConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(DetectorConfiguration.class);

    @Bean(destroyMethod = "close")
    Detector detector(ModelRepository models, OnnxEngine onnx, WakewordProperties properties) {
        return Detectors.open(models, properties.model(), properties.modelVersion(), onnx);
    }

    @Bean
    WakewordEngine wakewordEngine(Detector detector, WakewordProperties properties) {
        SessionSettings settings = properties.sessionSettings();
        LOG.info("Wake-word model {} triggers with {} (model's {}, overridden where wakestream.wakeword sets them)",
                detector.modelId(), detector.triggerSettings().overriddenBy(settings), detector.triggerSettings());
        return new WakewordEngine(detector, settings, Clock.systemUTC());
    }
}
