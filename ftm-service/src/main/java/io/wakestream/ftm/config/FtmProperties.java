package io.wakestream.ftm.config;

import io.wakestream.ftm.core.FtmConfig;
import io.wakestream.ftm.kafka.JoinSettings;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * ftm-service settings, under {@code wakestream.ftm}.
 *
 * @param model            the lattice GNN's name in the models directory; its manifest holds the decision policy
 * @param modelVersion     its version; empty takes the newest
 * @param timeout          wall-clock time from a detection's first result reaching the service until it is decided
 *                         with the stages that answered (default 13 s: a lattice comes only after its segment
 *                         ends, up to wakeword-service's 10 s max-segment after the detection, plus 3 s to decode)
 * @param checkInterval    how often pending detections are checked against the timeout (default 250 ms)
 * @param decidedRetention how long decided detection ids are remembered to recognise late and duplicate results
 *                         (default 10 min)
 */
@Validated
@ConfigurationProperties("wakestream.ftm")
public record FtmProperties(
        @DefaultValue(FtmConfig.DEFAULT_MODEL) @NotBlank String model,
        @DefaultValue("") String modelVersion,
        @DefaultValue("13s") @NotNull Duration timeout,
        @DefaultValue("250ms") @NotNull Duration checkInterval,
        @DefaultValue("10m") @NotNull Duration decidedRetention) {

    public FtmConfig ftmConfig() {
        return new FtmConfig(model, modelVersion);
    }

    public JoinSettings joinSettings() {
        return new JoinSettings(timeout, checkInterval, decidedRetention);
    }

    @AssertTrue(message = "timeout, check-interval and decided-retention must be positive, and decided-retention longer than timeout")
    boolean isPositiveAndOrdered() {
        return timeout != null && checkInterval != null && decidedRetention != null
                && timeout.isPositive() && checkInterval.isPositive() && decidedRetention.compareTo(timeout) > 0;
    }
}
