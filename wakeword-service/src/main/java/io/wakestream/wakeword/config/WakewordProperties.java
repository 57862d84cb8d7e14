package io.wakestream.wakeword.config;

import io.wakestream.wakeword.core.SessionSettings;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * wakeword-service settings, under {@code wakestream.wakeword}. Threshold, smoothing and refractory period
 * are the model manifest's unless set here.
 *
 * @param model             the wake-word model's name in the models directory; its manifest says which
 *                          detector runs it
 * @param modelVersion      its version; empty takes the newest
 * @param threshold         overrides the model's threshold when set (the smoothed score must reach it)
 * @param smoothingScores   overrides the model's moving-average length over consecutive scores when set
 * @param refractory        overrides the model's refractory period (no second detection this soon after
 *                          one) when set
 * @param endSilence        trailing silence that ends the request
 * @param maxSegment        longest trigger + request segment
 * @param historyLength     audio kept per stream for trigger audio
 * @param idleTimeout       a stream with no chunk for this long is freed
 * @param idleSweepInterval how often idle streams are looked for
 * @param maxChunkSamples   larger chunks are rejected to the dead-letter topic
 */
@Validated
@ConfigurationProperties("wakestream.wakeword")
public record WakewordProperties(
        @DefaultValue("wakeword-hey-jarvis") @NotBlank String model,
        @DefaultValue("") String modelVersion,
        @DecimalMin("0.0") @DecimalMax("1.0") Float threshold,
        @Positive Integer smoothingScores,
        @DurationMin(nanos = 0) Duration refractory,
        @DefaultValue("800ms") Duration endSilence,
        @DefaultValue("10s") Duration maxSegment,
        @DefaultValue("4s") Duration historyLength,
        @DefaultValue("60s") Duration idleTimeout,
        @DefaultValue("5s") Duration idleSweepInterval,
        @DefaultValue("160000") @Positive int maxChunkSamples) {

    public SessionSettings sessionSettings() {
        return new SessionSettings(threshold, smoothingScores, refractory, endSilence, maxSegment, historyLength);
    }
}
