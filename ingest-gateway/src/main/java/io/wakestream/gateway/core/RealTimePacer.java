package io.wakestream.gateway.core;

import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Back-pressure: how long a stream's reader waits before taking more audio, so that a client cannot send faster
 * than {@code maxSpeed} times real time after an initial {@code burst} of audio. The reader waits instead of
 * reading, so the client is slowed by the transport's own flow control (TCP) and nothing queues in the gateway.
 * A client so far ahead that it would wait longer than {@code maxWaitNanos} is refused instead.
 */
public final class RealTimePacer {

    private final double maxSpeed;
    private final double burstSeconds;
    private final long maxWaitNanos;
    private final LongSupplier clock;
    private final long startNanos;

    /**
     * @param maxSpeed     the fastest rate of audio accepted, in seconds of audio per second, positive
     * @param burstSeconds audio accepted at once before pacing starts, in seconds, not negative
     * @param maxWaitNanos the longest single wait; a client further ahead is refused
     * @param clock        nanosecond clock ({@link System#nanoTime} in service)
     */
    public RealTimePacer(double maxSpeed, double burstSeconds, long maxWaitNanos, LongSupplier clock) {
        if (!(maxSpeed > 0) || burstSeconds < 0 || maxWaitNanos < 0) {
            throw new IllegalArgumentException("maxSpeed " + maxSpeed + " must be positive, burst " + burstSeconds
                    + " s and max wait " + maxWaitNanos + " ns not negative");
        }
        this.maxSpeed = maxSpeed;
        this.burstSeconds = burstSeconds;
        this.maxWaitNanos = maxWaitNanos;
        this.clock = clock;
        this.startNanos = clock.getAsLong();
    }

    /**
     * Nanoseconds to wait before the stream may go beyond {@code audioSeconds} of audio taken so far (0: go on).
     *
     * @throws RejectedException (too fast) when the wait would exceed the maximum wait
     */
    public long waitNanos(double audioSeconds) {
        double allowedAt = (audioSeconds - burstSeconds) / maxSpeed;
        long wait = (long) (allowedAt * 1e9) - (clock.getAsLong() - startNanos);
        if (wait > maxWaitNanos) {
            throw new RejectedException(RejectReason.TOO_FAST, String.format(Locale.ROOT,
                    "audio arrives faster than %.1fx real time: %.1f s sent after %.1f s", maxSpeed, audioSeconds,
                    (clock.getAsLong() - startNanos) / 1e9));
        }
        return Math.max(0, wait);
    }
}
