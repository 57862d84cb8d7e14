package io.wakestream.kws.config;

import io.wakestream.common.model.ModelRepository;
import io.wakestream.common.onnx.OnnxEngine;
import io.wakestream.common.enrollment.EnrollmentRegistry;
import io.wakestream.kws.core.KeywordVerifier;
import io.wakestream.kws.core.PhrasePolicy;
import io.wakestream.common.events.RecentIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The verifier (its models loaded and checksum-verified at start-up), the enrollment rules and the service's state. */
@Configuration(proxyBeanMethods = false)
public class VerifierConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(VerifierConfiguration.class);

    @Bean(destroyMethod = "close")
    KeywordVerifier keywordVerifier(ModelRepository models, OnnxEngine onnx, KwsProperties properties) {
        KeywordVerifier verifier = KeywordVerifier.open(models, properties.verifierConfig(), onnx);
        LOG.info("Keyword verifier {} (encoder {}, G2P {}) accepts at score >= {}{}", verifier.modelId(),
                verifier.encoderId(), verifier.g2pModelId(), verifier.threshold(),
                properties.threshold() == null ? " (the manifest's)" : " (wakestream.kws.threshold)");
        return verifier;
    }

    @Bean
    PhrasePolicy phrasePolicy(KeywordVerifier verifier) {
        return new PhrasePolicy(verifier::pronounce, verifier::knowsPhones);
    }

    @Bean
    EnrollmentRegistry enrollmentRegistry() {
        return new EnrollmentRegistry();
    }

    @Bean
    RecentIds recentDetections(KwsProperties properties) {
        return new RecentIds(properties.recentDetections());
    }
}
