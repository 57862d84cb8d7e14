package io.wakestream.ftm.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

/** The settings as Boot binds and validates them at start-up. */
class FtmPropertiesTest {

    @EnableConfigurationProperties(FtmProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class);

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        runner.run(context -> {
            FtmProperties properties = context.getBean(FtmProperties.class);
            assertThat(properties.model()).isEqualTo("ftm-lattice-gnn");
            assertThat(properties.modelVersion()).isEmpty();
            assertThat(properties.joinSettings().timeout()).isEqualTo(Duration.ofSeconds(13));
            assertThat(properties.joinSettings().checkInterval()).isEqualTo(Duration.ofMillis(250));
            assertThat(properties.joinSettings().decidedRetention()).isEqualTo(Duration.ofMinutes(10));
            assertThat(properties.joinSettings().cleanupInterval()).isEqualTo(Duration.ofMinutes(1));
        });
    }

    @Test
    void aZeroTimeoutOrARetentionShorterThanTheTimeoutStopsTheStart() {
        runner.withPropertyValues("wakestream.ftm.timeout=0s").run(context ->
                assertThat(context).hasFailed().getFailure().hasStackTraceContaining("decided-retention longer than timeout"));
        runner.withPropertyValues("wakestream.ftm.timeout=20m").run(context ->
                assertThat(context).hasFailed().getFailure().hasStackTraceContaining("decided-retention longer than timeout"));
        runner.withPropertyValues("wakestream.ftm.model= ").run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("wakestream.ftm.timeout=5s", "wakestream.ftm.model-version=0.0.0-tiny").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(FtmProperties.class).ftmConfig().version()).isEqualTo("0.0.0-tiny");
        });
    }
}
