package io.wakestream.wakeword.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wakestream.common.model.FrontendSpec;
import io.wakestream.common.model.ModelException;
import io.wakestream.common.model.ModelFile;
import io.wakestream.common.model.ModelManifest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TriggerSettingsTest {

    private static final Duration TWO_SECONDS = Duration.ofSeconds(2);

    @Test
    void manifestGivesThresholdSmoothingAndRefractoryPeriod() {
        ModelManifest manifest = manifest(Map.of("n_mels", 40, "smoothing_windows", 3, "refractory_seconds", 1.25));

        assertThat(TriggerSettings.fromManifest(manifest))
                .isEqualTo(new TriggerSettings(0.75f, 3, Duration.ofMillis(1250)));
        assertThat(TriggerSettings.fromManifest(manifest, 1, TWO_SECONDS))
                .isEqualTo(new TriggerSettings(0.75f, 3, Duration.ofMillis(1250)));
    }

    @Test
    void requiredSmoothingAndRefractoryPeriodMustBeThere() {
        assertThatThrownBy(() -> TriggerSettings.fromManifest(manifest(Map.of("refractory_seconds", 1))))
                .isInstanceOf(ModelException.class).hasMessageContaining("smoothing_windows");
        assertThatThrownBy(() -> TriggerSettings.fromManifest(manifest(Map.of("smoothing_windows", 3))))
                .isInstanceOf(ModelException.class).hasMessageContaining("refractory_seconds");
    }

    @Test
    void optionalSmoothingAndRefractoryPeriodFallBackToTheDefaults() {
        assertThat(TriggerSettings.fromManifest(manifest(Map.of()), 1, TWO_SECONDS))
                .isEqualTo(new TriggerSettings(0.75f, 1, TWO_SECONDS));
    }

    @Test
    void invalidValuesAreRefusedEvenWhereOptional() {
        for (Object smoothing : List.of(0, -2, 2.5, "3")) {
            assertThatThrownBy(() -> TriggerSettings.fromManifest(manifest(Map.of("smoothing_windows", smoothing)), 1,
                    TWO_SECONDS)).as("smoothing_windows %s", smoothing)
                    .isInstanceOf(ModelException.class).hasMessageContaining("positive integer smoothing_windows");
        }
        for (Object refractory : List.of(0, -1.0, Double.NaN, Double.POSITIVE_INFINITY, "1s")) {
            assertThatThrownBy(() -> TriggerSettings.fromManifest(manifest(Map.of("refractory_seconds", refractory)), 1,
                    TWO_SECONDS)).as("refractory_seconds %s", refractory)
                    .isInstanceOf(ModelException.class).hasMessageContaining("positive number refractory_seconds");
        }
    }

    @Test
    void aMissingThresholdIsAModelError() {
        ModelManifest manifest = manifest(Map.of("smoothing_windows", 3, "refractory_seconds", 1), Map.of());

        assertThatThrownBy(() -> TriggerSettings.fromManifest(manifest))
                .isInstanceOf(ModelException.class).hasMessageContaining("detection");
    }

    @Test
    void eachOverrideReplacesOnlyItsOwnSetting() {
        TriggerSettings model = new TriggerSettings(0.9f, 3, Duration.ofSeconds(1));
        SessionSettings defaults = SessionSettings.defaults();

        assertThat(model.overriddenBy(defaults)).isEqualTo(model);
        assertThat(model.overriddenBy(defaults.withThreshold(0.5f)))
                .isEqualTo(new TriggerSettings(0.5f, 3, Duration.ofSeconds(1)));
        assertThat(model.overriddenBy(defaults.withSmoothingScores(1)))
                .isEqualTo(new TriggerSettings(0.9f, 1, Duration.ofSeconds(1)));
        assertThat(model.overriddenBy(defaults.withRefractory(Duration.ZERO)))
                .isEqualTo(new TriggerSettings(0.9f, 3, Duration.ZERO));
    }

    @Test
    void invalidOverridesAreRefusedWhenTheSettingsAreMade() {
        SessionSettings defaults = SessionSettings.defaults();

        assertThatThrownBy(() -> defaults.withThreshold(1.5f)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withSmoothingScores(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withRefractory(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ModelManifest manifest(Map<String, Object> parameters) {
        return manifest(parameters, Map.of("detection", 0.75));
    }

    private static ModelManifest manifest(Map<String, Object> parameters, Map<String, Double> thresholds) {
        ModelFile graph = new ModelFile("model.onnx", "0".repeat(64), List.of(), List.of());
        return new ModelManifest("test/trigger", "1.0.0", "wakeword", "hey test", "a test manifest",
                Map.of(ModelManifest.MODEL_ROLE, graph), new FrontendSpec("logmel", 16_000, new HashMap<>(parameters)),
                thresholds, null, null, null, null, null);
    }
}
