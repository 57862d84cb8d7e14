package io.wakestream.cli;

import java.time.Duration;

/**
 * How long a producer waits for the topic's metadata, and how often it tries. On a busy machine the
 * first metadata fetch can take long (ten JVMs starting at once against one broker), so one wait is
 * not enough.
 *
 * @param timeout  one attempt's wait
 * @param attempts how many attempts before giving up
 */
record TopicWait(Duration timeout, int attempts) {

    static final TopicWait DEFAULT = new TopicWait(Duration.ofSeconds(30), 3);

    TopicWait {
        if (timeout.isNegative() || timeout.isZero() || attempts < 1) {
            throw new IllegalArgumentException("a positive wait and at least one attempt, got " + timeout + " and "
                    + attempts);
        }
    }
}
