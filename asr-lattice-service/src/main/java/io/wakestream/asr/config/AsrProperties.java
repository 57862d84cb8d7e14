package io.wakestream.asr.config;

import io.wakestream.asr.core.LanguageModelBundle;
import io.wakestream.asr.core.LatticeDecoderConfig;
import io.wakestream.asr.core.SegmentRecognizerConfig;
import io.wakestream.common.phonetic.PhoneticEncoderConfig;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * asr-lattice-service settings, under {@code wakestream.asr}.
 *
 * @param encoder              the phonetic encoder's name in the models directory
 * @param encoderVersion       its version; empty takes the newest
 * @param lm                   the language model (with its decoding lexicon)
 * @param lmVersion            its version; empty takes the newest
 * @param lmWeight             the decoder's LM weight
 * @param wordInsertionPenalty its penalty per word (nats)
 * @param beam                 its search beam (nats)
 * @param maxActive            its most active tokens per output
 * @param latticeBeam          its lattice beam (nats)
 * @param maxSegmentSamples    a longer segment is cut to this many samples (default 20 s) and its lattice says
 *                             {@code truncated}
 * @param recentSegments       detection ids remembered to recognise a redelivery
 */
@Validated
@ConfigurationProperties("wakestream.asr")
public record AsrProperties(
        @DefaultValue(PhoneticEncoderConfig.DEFAULT_MODEL) @NotBlank String encoder,
        @DefaultValue("") String encoderVersion,
        @DefaultValue(LanguageModelBundle.DEFAULT_MODEL) @NotBlank String lm,
        @DefaultValue("") String lmVersion,
        @DefaultValue("1.0") double lmWeight,
        @DefaultValue("0.0") double wordInsertionPenalty,
        @DefaultValue("16.0") @Positive double beam,
        @DefaultValue("4000") @Positive int maxActive,
        @DefaultValue("8.0") @Positive double latticeBeam,
        @DefaultValue("320000") @Positive int maxSegmentSamples,
        @DefaultValue("10000") @Positive int recentSegments) {

    public SegmentRecognizerConfig recognizerConfig() {
        LatticeDecoderConfig decoder = LatticeDecoderConfig.defaults().withLmWeight(lmWeight)
                .withWordInsertionPenalty(wordInsertionPenalty).withBeam(beam).withMaxActive(maxActive)
                .withLatticeBeam(latticeBeam);
        return SegmentRecognizerConfig.defaults().withEncoder(encoder, encoderVersion).withLanguageModel(lm, lmVersion)
                .withDecoder(decoder).withMaxSegmentSamples(maxSegmentSamples);
    }
}
