package io.wakestream.ftm.kafka;

import java.time.Duration;

/**
 * How long the join waits and remembers.
 *
 * @param timeout          wall-clock time from the first result of a detection reaching this service until it is
 *                         decided with the stages it has (degraded)
 * @param checkInterval    how often (wall clock) pending detections are checked against the timeout; a degraded
 *                         decision comes at most this much after its timeout
 * @param decidedRetention how long a decided detection's id is remembered, to recognise late and duplicate results;
 *                         a result later than this starts a new (degraded) decision
 * @throws IllegalArgumentException if a duration is not positive
 */
public record JoinSettings(Duration timeout, Duration checkInterval, Duration decidedRetention) {

    public JoinSettings {
        for (Duration duration : new Duration[] {timeout, checkInterval, decidedRetention}) {
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("join durations must be positive, got " + duration);
            }
        }
    }

    /** The cleanup of decided ids runs a tenth of the retention apart, at least a second. */
    public Duration cleanupInterval() {
        Duration tenth = decidedRetention.dividedBy(10);
        return tenth.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : tenth;
    }
}
