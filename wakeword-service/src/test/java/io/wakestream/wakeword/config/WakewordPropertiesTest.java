package io.wakestream.wakeword.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.wakestream.wakeword.core.SessionSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** Binding of {@code wakestream.wakeword.*}: the model is RepCNN by default, trigger settings are overrides only. */
class WakewordPropertiesTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Properties.class);

    @Test
    void defaultsToTheRepCnnModelAndLeavesTheTriggerToIt() {
        context.run(started -> {
            WakewordProperties properties = started.getBean(WakewordProperties.class);
            assertThat(properties.model()).isEqualTo("wakeword-hey-jarvis");
            SessionSettings settings = properties.sessionSettings();
            assertThat(settings.threshold()).isNull();
            assertThat(settings.smoothingScores()).isNull();
            assertThat(settings.refractory()).isNull();
        });
    }

    @Test
    void setTriggerPropertiesBecomeOverrides() {
        context.withPropertyValues("wakestream.wakeword.model=openwakeword/hey_jarvis",
                        "wakestream.wakeword.threshold=0.6", "wakestream.wakeword.smoothing-scores=2",
                        "wakestream.wakeword.refractory=0s")
                .run(started -> {
                    SessionSettings settings = started.getBean(WakewordProperties.class).sessionSettings();
                    assertThat(settings.threshold()).isEqualTo(0.6f);
                    assertThat(settings.smoothingScores()).isEqualTo(2);
                    assertThat(settings.refractory()).isEqualTo(Duration.ZERO);
                });
    }

    @Test
    void invalidOverridesStopTheStart() {
        for (String invalid : new String[] {"wakestream.wakeword.threshold=1.5", "wakestream.wakeword.smoothing-scores=0",
                "wakestream.wakeword.refractory=-1s"}) {
            context.withPropertyValues(invalid).run(started -> assertThat(started).as(invalid).hasFailed());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(WakewordProperties.class)
    static class Properties {
    }
}
