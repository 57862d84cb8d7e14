package io.wakestream.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether a load was held: wakeword-service kept up with the audio and detected in time, and the later stages kept up
 * with what it sent them. Held means all of:
 * <ul>
 *   <li>its lag at the end of the step is at most {@code lagBoundChunks} chunks per stream;</li>
 *   <li>its lag is not growing over the step's second half: the least-squares line through the samples of that
 *       half rises by at most one chunk per stream over it;</li>
 *   <li>no later stage's lag (kws-, asr-lattice-, ftm-service, with the whole cascade running) grows over the step's
 *       second half by more than one record per stream: a stage that falls behind makes late, degraded decisions;</li>
 *   <li>a detection came back, and the 99th percentile of audio-to-detection latency is at most {@code p99BoundMs}.</li>
 * </ul>
 *
 * @param lagBoundChunks lag bound, in chunks per stream
 * @param p99BoundMs     latency bound, in milliseconds
 */
public record HeldRule(double lagBoundChunks, long p99BoundMs) {

    /**
     * @param held    whether the load was held
     * @param reasons why not, one phrase each; empty when held
     */
    public record Verdict(boolean held, List<String> reasons) {
    }

    /**
     * @param streams        streams of the step
     * @param stepSeconds    how long the step produced audio, in seconds
     * @param audioLag       wakeword-service's lag samples: [seconds since the step's start, chunks], in time order;
     *                       samples after {@code stepSeconds} are not judged
     * @param laterStageLag  the later stages' lag samples by service: [seconds since the step's start, records]
     * @param p99DetectionMs the step's p99 audio-to-detection latency in ms; null when no detection came back
     */
    public Verdict judge(int streams, double stepSeconds, List<double[]> audioLag, Map<String, List<double[]>> laterStageLag,
                         Long p99DetectionMs) {
        List<String> reasons = new ArrayList<>();
        List<double[]> during = audioLag.stream().filter(point -> point[0] <= stepSeconds).toList();
        if (during.isEmpty()) {
            reasons.add("no lag sample of wakeword-service's consumer group");
        } else {
            double end = during.get(during.size() - 1)[1];
            if (end > lagBoundChunks * streams) {
                reasons.add(String.format("lag %.0f chunks at the end, above %.0f (%s per stream)", end,
                        lagBoundChunks * streams, lagBoundChunks));
            }
            double growth = secondHalfGrowth(during, stepSeconds);
            if (growth > streams) {
                reasons.add(String.format("lag grew by %.0f chunks over the second half, more than one per stream", growth));
            }
        }
        laterStageLag.forEach((service, lag) -> {
            double growth = secondHalfGrowth(lag.stream().filter(point -> point[0] <= stepSeconds).toList(), stepSeconds);
            if (growth > streams) {
                reasons.add(String.format("%s's lag grew by %.0f records over the second half, more than one per stream",
                        service, growth));
            }
        });
        if (p99DetectionMs == null) {
            reasons.add("no detection came back");
        } else if (p99DetectionMs > p99BoundMs) {
            reasons.add("p99 audio-to-detection " + p99DetectionMs + " ms, above " + p99BoundMs + " ms");
        }
        return new Verdict(reasons.isEmpty(), List.copyOf(reasons));
    }

    /** How much {@code lag} grew over the step's second half: the least-squares line's rise over it. */
    static double secondHalfGrowth(List<double[]> lag, double stepSeconds) {
        return growth(lag.stream().filter(point -> point[0] >= stepSeconds / 2).toList()) * stepSeconds / 2;
    }

    /** The least-squares slope of [x, y] points, in y per x; 0 with fewer than two distinct x. */
    static double growth(List<double[]> points) {
        int n = points.size();
        double meanX = points.stream().mapToDouble(p -> p[0]).average().orElse(0);
        double meanY = points.stream().mapToDouble(p -> p[1]).average().orElse(0);
        double covariance = 0;
        double variance = 0;
        for (double[] p : points) {
            covariance += (p[0] - meanX) * (p[1] - meanY);
            variance += (p[0] - meanX) * (p[0] - meanX);
        }
        return n < 2 || variance == 0 ? 0 : covariance / variance;
    }
}
