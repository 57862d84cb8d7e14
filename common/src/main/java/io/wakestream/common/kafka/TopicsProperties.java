package io.wakestream.common.kafka;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Every topic of the pipeline, under {@code wakestream.topics}. All topics are keyed by stream id.
 *
 * @param partitions        partitions of every topic; per-stream state scales with them
 * @param replicationFactor replicas of every topic
 * @param audioRetention    how long raw audio is kept (it is large and personal)
 * @param eventRetention    how long detections, segments and decisions are kept
 * @param dltSuffix         appended to a consumed topic's name to name its dead-letter topic
 * @param create            whether services create missing topics at start-up
 */
@Validated
@ConfigurationProperties("wakestream.topics")
public record TopicsProperties(
        @DefaultValue("voice.audio.v1") @NotBlank String audio,
        @DefaultValue("voice.detections.v1") @NotBlank String detections,
        @DefaultValue("voice.segments.v1") @NotBlank String segments,
        @DefaultValue("voice.verifications.v1") @NotBlank String verifications,
        @DefaultValue("voice.lattices.v1") @NotBlank String lattices,
        @DefaultValue("voice.decisions.v1") @NotBlank String decisions,
        @DefaultValue("voice.keywords.v1") @NotBlank String keywords,
        @DefaultValue("6") @Positive int partitions,
        @DefaultValue("1") @Positive short replicationFactor,
        @DefaultValue("24h") Duration audioRetention,
        @DefaultValue("7d") Duration eventRetention,
        @DefaultValue("-dlt") @NotBlank String dltSuffix,
        @DefaultValue("true") boolean create) {

    public String deadLetter(String topic) {
        return topic + dltSuffix;
    }
}
