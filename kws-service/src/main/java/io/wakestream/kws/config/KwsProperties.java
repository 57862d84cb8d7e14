package io.wakestream.kws.config;

import io.wakestream.kws.core.KeywordVerifierConfig;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * kws-service settings, under {@code wakestream.kws}.
 *
 * @param model             the verifier model's name in the models directory; its manifest names the phonetic encoder
 * @param modelVersion      its version; empty takes the newest
 * @param g2pModel          the G2P model (with its lexicon) that pronounces phrases
 * @param g2pVersion        its version; empty takes the newest
 * @param threshold         overrides the verifier's {@code thresholds.verification} when set
 * @param recentDetections  detection ids remembered to recognise a redelivery
 * @param maxTriggerSamples longer trigger audio goes to the dead-letter topic (default 10 s)
 * @param apiKeys           keys the enrollment API accepts in {@code X-API-Key} or as a bearer token; empty leaves
 *                          the API open (a warning is logged at start-up)
 * @param enrollmentTimeout how long an enrollment request waits for Kafka to acknowledge its record
 * @param corsOrigins       origins of web pages allowed to call the enrollment API from a browser (CORS), e.g.
 *                          the ingest-gateway's page {@code http://localhost:8085}; empty allows none
 */
@Validated
@ConfigurationProperties("wakestream.kws")
public record KwsProperties(
        @DefaultValue(KeywordVerifierConfig.DEFAULT_MODEL) @NotBlank String model,
        @DefaultValue("") String modelVersion,
        @DefaultValue("g2p") @NotBlank String g2pModel,
        @DefaultValue("") String g2pVersion,
        @DecimalMin("0.0") @DecimalMax("1.0") Double threshold,
        @DefaultValue("10000") @Positive int recentDetections,
        @DefaultValue("160000") @Positive int maxTriggerSamples,
        @DefaultValue({}) @NotNull List<@NotBlank String> apiKeys,
        @DefaultValue("10s") Duration enrollmentTimeout,
        @DefaultValue({}) @NotNull List<@NotBlank String> corsOrigins) {

    public KeywordVerifierConfig verifierConfig() {
        return new KeywordVerifierConfig(model, modelVersion, g2pModel, g2pVersion, threshold);
    }
}
