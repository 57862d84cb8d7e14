package io.wakestream.asr.config;

import io.wakestream.common.events.RecentIds;
import io.wakestream.asr.core.SegmentRecognizer;
import io.wakestream.common.model.ModelRepository;
import io.wakestream.common.onnx.OnnxEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The segment recognizer (its models loaded and checksum-verified at start-up) and the recent segment ids. */
@Configuration(proxyBeanMethods = false)
public class RecognizerConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(RecognizerConfiguration.class);

    @Bean(destroyMethod = "close")
    SegmentRecognizer segmentRecognizer(ModelRepository models, OnnxEngine onnx, AsrProperties properties) {
        SegmentRecognizer recognizer = SegmentRecognizer.open(models, properties.recognizerConfig(), onnx);
        LOG.info("Segment recognizer {} (decoder {}; segments cut at {} samples){}", recognizer.modelId(),
                recognizer.config().decoder(), properties.maxSegmentSamples(), recognizer.unpronounced().isEmpty() ? ""
                        : "; " + recognizer.unpronounced().size() + " LM words have no pronunciation and are never decoded");
        return recognizer;
    }

    @Bean
    RecentIds recentSegments(AsrProperties properties) {
        return new RecentIds(properties.recentSegments());
    }
}
