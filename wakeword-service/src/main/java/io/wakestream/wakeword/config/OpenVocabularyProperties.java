package io.wakestream.wakeword.config;

import io.wakestream.common.phonetic.PhoneticEncoderConfig;
import io.wakestream.wakeword.core.TriggerSettings;
import io.wakestream.wakeword.core.openvocab.OpenVocabularySettings;
import io.wakestream.wakeword.core.openvocab.SearchSettings;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Run-time phrases, under {@code wakestream.wakeword.open-vocabulary}: streams whose enrolled phrase has no trained
 * model are spotted in the phonetic encoder's outputs ({@link io.wakestream.wakeword.core.openvocab.PhraseSearch}).
 *
 * @param enabled           false: enrollments are ignored here and every stream runs the trained model
 * @param encoder           the phonetic encoder's model name; {@code encoderVersion} empty takes the newest
 * @param g2pModel          the G2P model (with its lexicon) that pronounces phrases; {@code g2pVersion} likewise
 * @param outputsPerCall    encoder outputs (20 ms each) a stream collects per model call: latency against CPU
 * @param threshold         confidence exp(S) in (0, 1] at which a phrase fires
 * @param smoothingScores   moving average over consecutive outputs' confidences
 * @param refractory        no second detection this soon after one
 * @param logProbFloor      floor on a log-posterior in the search (nats, negative)
 * @param skipPenalty       nats per phone the search skips
 * @param maxFramesPerPhone longest match, in outputs per phone, plus {@code extraFrames}
 * @param maxVariants       pronunciations searched per phrase at most
 */
@Validated
@ConfigurationProperties("wakestream.wakeword.open-vocabulary")
public record OpenVocabularyProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue(PhoneticEncoderConfig.DEFAULT_MODEL) @NotBlank String encoder,
        @DefaultValue("") String encoderVersion,
        @DefaultValue("g2p") @NotBlank String g2pModel,
        @DefaultValue("") String g2pVersion,
        @DefaultValue("16") @Positive int outputsPerCall,
        @DefaultValue("0.5") @DecimalMin("0.0") @DecimalMax("1.0") float threshold,
        @DefaultValue("1") @Positive int smoothingScores,
        @DefaultValue("2s") @DurationMin(nanos = 0) Duration refractory,
        @DefaultValue("-6") @Negative float logProbFloor,
        @DefaultValue("3") @Positive float skipPenalty,
        @DefaultValue("12") @Positive int maxFramesPerPhone,
        @DefaultValue("25") @PositiveOrZero int extraFrames,
        @DefaultValue("4") @Positive int maxVariants) {

    public OpenVocabularySettings settings() {
        return new OpenVocabularySettings(new SearchSettings(logProbFloor, skipPenalty, maxFramesPerPhone, extraFrames),
                new TriggerSettings(threshold, smoothingScores, refractory), maxVariants);
    }

    public PhoneticEncoderConfig encoderConfig() {
        return new PhoneticEncoderConfig(encoder, encoderVersion, outputsPerCall);
    }
}
