package io.wakestream.wakeword.config;

import io.wakestream.common.enrollment.EnrollmentRegistry;
import io.wakestream.common.model.ModelNotFoundException;
import io.wakestream.common.model.ModelRepository;
import io.wakestream.common.onnx.OnnxEngine;
import io.wakestream.common.phonetic.PhoneticEncoder;
import io.wakestream.common.phonetic.Pronouncer;
import io.wakestream.wakeword.core.Detector;
import io.wakestream.wakeword.core.DetectorChoice;
import io.wakestream.wakeword.core.Detectors;
import io.wakestream.wakeword.core.SessionSettings;
import io.wakestream.wakeword.core.WakewordEngine;
import io.wakestream.wakeword.core.openvocab.EnrolledPhraseDetectors;
import io.wakestream.wakeword.core.openvocab.OpenVocabularyDetector;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The wake-word model, loaded (and its checksum verified) at start-up, the phonetic encoder and G2P model for
 * enrolled phrases without a trained model, and the engine running each stream's detector.
 */
@Configuration(proxyBeanMethods = false)
public class DetectorConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(DetectorConfiguration.class);

    @Bean(destroyMethod = "close")
    Detector detector(ModelRepository models, OnnxEngine onnx, WakewordProperties properties) {
        return Detectors.open(models, properties.model(), properties.modelVersion(), onnx);
    }

    @Bean
    EnrollmentRegistry enrollmentRegistry() {
        return new EnrollmentRegistry();
    }

    /**
     * Enrolled phrases' detectors; without the encoder or G2P model in the models directory (or when disabled) every
     * stream runs the trained model, with a warning.
     */
    @Bean
    DetectorChoice detectorChoice(Detector detector, EnrollmentRegistry enrollments, ModelRepository models,
                                  OnnxEngine onnx, OpenVocabularyProperties openVocabulary) {
        if (!openVocabulary.enabled()) {
            LOG.info("Open-vocabulary spotting is disabled: every stream runs {}", detector.modelId());
            return DetectorChoice.fixed(detector);
        }
        try {
            PhoneticEncoder encoder = PhoneticEncoder.open(models, openVocabulary.encoderConfig(), onnx);
            Pronouncer pronouncer = Pronouncer.open(models, openVocabulary.g2pModel(), openVocabulary.g2pVersion(), onnx);
            LOG.info("Enrolled phrases without a trained model are spotted by {} with {}",
                    OpenVocabularyDetector.modelId(encoder), openVocabulary.settings());
            return new EnrolledPhraseDetectors(detector, enrollments, encoder, pronouncer, openVocabulary.settings());
        } catch (ModelNotFoundException e) {
            LOG.warn("Enrolled phrases cannot be spotted ({}); every stream runs {}", e.getMessage(), detector.modelId());
            return DetectorChoice.fixed(detector);
        }
    }

    @Bean
    WakewordEngine wakewordEngine(Detector detector, DetectorChoice detectorChoice, WakewordProperties properties) {
        SessionSettings settings = properties.sessionSettings();
        LOG.info("Wake-word model {} triggers with {} (model's {}, overridden where wakestream.wakeword sets them)",
                detector.modelId(), detector.triggerSettings().overriddenBy(settings), detector.triggerSettings());
        return new WakewordEngine(detectorChoice, settings, Clock.systemUTC());
    }
}
