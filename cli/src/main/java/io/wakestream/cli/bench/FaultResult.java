package io.wakestream.cli.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one fault scenario measured (field names in snake case in {@code faults.json}).
 *
 * @param scenario        the scenario's name, e.g. {@code broker-restart}
 * @param fault           what was done, in words
 * @param streams         concurrent streams
 * @param chunksSent      chunks handed to the producer
 * @param sendFailures    chunks the broker did not acknowledge
 * @param poisonSent      poison pills sent (poison scenario)
 * @param faultAtS        seconds after the load's start the fault was injected
 * @param faultActionS    how long the injection took (e.g. until a restarted process was ready), in s
 * @param faultOverS      seconds after the load's start the fault was over (taken away, or its action done)
 * @param loadEndS        seconds after the load's start its last chunk was sent
 * @param settledS        seconds after the load's start the scenario stopped reading
 * @param settled         whether every lag reached 0 and every detection had a decision before the settle timeout
 * @param recoveryS       from the fault's injection until every group's lag was back within its pre-fault highest (at
 *                        least 1) once the fault was over, in s; null when it never was
 * @param counts          detections, decisions and dead letters
 * @param ok              no decision lost and none duplicated
 * @param lagSamples      the lag samples, about one a second
 */
public record FaultResult(String scenario, String fault, int streams, long chunksSent, long sendFailures, long poisonSent,
                          double faultAtS, double faultActionS, double faultOverS, double loadEndS, double settledS,
                          boolean settled, Double recoveryS, FaultLedger.Counts counts, boolean ok,
                          List<LagSampler.Point> lagSamples) {

    /**
     * Seconds from {@code faultAtS} until the first sample at or after {@code faultOverS} in which every group's lag
     * is at most the highest it had before the fault (at least 1 record); null when no such sample came. A group
     * without samples before the fault is held to 1 record.
     */
    public static Double recoverySeconds(List<LagSampler.Point> points, double faultAtS, double faultOverS) {
        Map<String, Long> bound = new HashMap<>();
        for (LagSampler.Point point : points) {
            if (point.seconds() < faultAtS) {
                point.lag().forEach((group, lag) -> bound.merge(group, Math.max(1, lag), Math::max));
            }
        }
        List<LagSampler.Point> after = new ArrayList<>(points.stream().filter(point -> point.seconds() >= faultOverS).toList());
        for (LagSampler.Point point : after) {
            boolean within = !point.lag().isEmpty() && point.lag().entrySet().stream()
                    .allMatch(entry -> entry.getValue() <= bound.getOrDefault(entry.getKey(), 1L));
            if (within) {
                return point.seconds() - faultAtS;
            }
        }
        return null;
    }
}
