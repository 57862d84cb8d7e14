package io.wakestream.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** How dashboard and alert expressions become the queries DashboardQueriesIT checks. */
class MonitoringQueriesTest {

    private static final Path DEPLOY = Path.of("../deploy");

    @Test
    void alertThresholdIsStrippedSoTheQueryAloneIsChecked() {
        assertThat(MonitoringQueries.withoutThreshold("a", "up == 0")).isEqualTo("up");
        assertThat(MonitoringQueries.withoutThreshold("b", "sum by (topic) (lag{topic=~\".+[.].+\"})\n> 1000"))
                .isEqualTo("sum by (topic) (lag{topic=~\".+[.].+\"})");
        assertThat(MonitoringQueries.withoutThreshold("c", "a / b > bool 0.05")).isEqualTo("a / b");
        assertThatThrownBy(() -> MonitoringQueries.withoutThreshold("d", "absent(up)"))
                .hasMessageContaining("d: an alert expression must end in a comparison with a number");
    }

    @Test
    void theProjectsDashboardsAndRulesFollowTheConventions() throws Exception {
        MonitoringQueries monitoring = MonitoringQueries.read(DEPLOY.resolve("grafana/dashboards"),
                DEPLOY.resolve("prometheus/rules"));

        assertThat(monitoring.queries()).extracting(MonitoringQueries.Query::expression)
                .allSatisfy(expression -> assertThat(expression).doesNotContain("$__"));
        assertThat(monitoring.queries()).extracting(MonitoringQueries.Query::source)
                .anySatisfy(source -> assertThat(source).startsWith("wakestream-cascade.json: Decisions by outcome"))
                .anySatisfy(source -> assertThat(source).startsWith("wakestream-runtime.json: Model run p99"))
                .anySatisfy(source -> assertThat(source).isEqualTo("wakestream-alerts.yml: WakestreamConsumerLagHigh"));
        assertThat(monitoring.queries()).filteredOn(query -> query.source().endsWith("WakestreamTargetDown"))
                .singleElement().extracting(MonitoringQueries.Query::series).isEqualTo("up");
    }
}
