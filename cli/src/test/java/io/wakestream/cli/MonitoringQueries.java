package io.wakestream.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The PromQL expressions of the Grafana dashboards ({@code deploy/grafana/dashboards/*.json}, every panel target's
 * {@code expr}) and of the Prometheus alert rules ({@code deploy/prometheus/rules/*.yml}), each with the query that
 * must return series from a running cluster:
 * <ul>
 *   <li>a dashboard expression itself, its Grafana interval variables ({@code $__rate_interval}, {@code $__interval},
 *       {@code $__range}) replaced by {@value #WINDOW};</li>
 *   <li>an alert expression, which by the rules files' convention is {@code <query> <comparison> <number>}: the
 *       {@code <query>} without its threshold, so that "no series" means a missing metric, not a quiet alert.</li>
 * </ul>
 */
record MonitoringQueries(List<Query> queries) {

    /** The range that stands for Grafana's interval variables. */
    static final String WINDOW = "1m";

    private static final Pattern GRAFANA_INTERVAL = Pattern.compile("\\$__(rate_interval|interval|range)\\b");
    // a trailing comparison with a number, possibly with `bool`: what an alert's threshold looks like
    private static final Pattern THRESHOLD = Pattern.compile(
            "^(?<query>.*?)\\s*(==|!=|>=|<=|>|<)\\s*(bool\\s+)?[-+]?[0-9.]+(e[-+]?[0-9]+)?\\s*$",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    /**
     * One expression to check.
     *
     * @param source     where it is written, e.g. {@code wakestream-cascade.json: Detections}
     * @param expression the expression as Prometheus evaluates it (variables substituted)
     * @param series     the query that must return at least one series
     */
    record Query(String source, String expression, String series) {
    }

    static MonitoringQueries read(Path dashboards, Path rules) throws IOException {
        List<Query> queries = new ArrayList<>();
        for (Path dashboard : files(dashboards, ".json")) {
            collectTargets(new ObjectMapper().readTree(dashboard.toFile()), dashboard.getFileName() + ": ", queries);
        }
        for (Path file : files(rules, ".yml")) {
            for (JsonNode group : new YAMLMapper().readTree(file.toFile()).path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    String source = file.getFileName() + ": " + rule.path("alert").asText(rule.path("record").asText());
                    String expression = rule.path("expr").asText().strip();
                    queries.add(new Query(source, expression,
                            rule.has("alert") ? withoutThreshold(source, expression) : expression));
                }
            }
        }
        return new MonitoringQueries(List.copyOf(queries));
    }

    /** The {@code <query>} of an alert expression {@code <query> <comparison> <number>}. */
    static String withoutThreshold(String source, String expression) {
        Matcher matcher = THRESHOLD.matcher(expression);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(source + ": an alert expression must end in a comparison with a number"
                    + " (<query> > 1000), so that its <query> can be checked on its own; got " + expression);
        }
        return matcher.group("query");
    }

    private static void collectTargets(JsonNode node, String source, List<Query> queries) {
        if (node.isObject()) {
            String title = node.has("title") && node.has("targets") ? source + node.path("title").asText() : source;
            for (JsonNode target : node.path("targets")) {
                if (target.hasNonNull("expr")) {
                    String expression = GRAFANA_INTERVAL.matcher(target.path("expr").asText()).replaceAll(WINDOW);
                    queries.add(new Query(title, expression, expression));
                }
            }
            node.properties().forEach(field -> {
                if (!field.getKey().equals("targets")) {
                    collectTargets(field.getValue(), source, queries);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> collectTargets(element, source, queries));
        }
    }

    private static List<Path> files(Path directory, String suffix) throws IOException {
        try (Stream<Path> listed = Files.list(directory)) {
            return listed.filter(path -> path.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }
}
