package io.wakestream.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code deploy/prometheus} as Prometheus's own checker reads it: the scrape configuration and, through its
 * {@code rule_files}, every alert rule. Skipped where promtool is not installed (Debian: {@code prometheus}).
 */
class PrometheusConfigTest {

    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    private static final Path CONFIG = Path.of("../deploy/prometheus/prometheus.yml").toAbsolutePath().normalize();

    @Test
    void promtoolAcceptsTheScrapeConfigurationAndItsRules() throws Exception {
        assumeTrue(Files.isExecutable(PROMTOOL), "needs " + PROMTOOL + " (Debian: apt-get install prometheus)");
        Process check = new ProcessBuilder(PROMTOOL.toString(), "check", "config", CONFIG.toString())
                .redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(check.exitValue()).as(output).isZero();
        // the rules are found through the relative rule_files glob, not silently missing
        assertThat(output).contains("wakestream-alerts.yml").containsPattern("SUCCESS: [1-9][0-9]* rules found");
    }
}
