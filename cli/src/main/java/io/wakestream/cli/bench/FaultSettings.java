package io.wakestream.cli.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything a fault scenario needs besides its fault.
 *
 * @param client        Kafka connection settings
 * @param producer      the load generator's batching and compression
 * @param audio         the pre-encoded loops
 * @param chunkMs       milliseconds of audio per chunk
 * @param streams       concurrent streams, each with a wake phrase every loop
 * @param duration      how long the load runs
 * @param faultAt       when, after the load's start, the fault is injected
 * @param faultLength   how long a lasting fault (slow stage, second instance, poison) lasts before it is taken away
 * @param settle        the least time to go on reading after the load's last chunk
 * @param settleTimeout the most time to wait after the load for every lag to reach 0 and every detection to be decided
 * @param groups        the consumer groups whose lag is followed; the first is wakeword-service's on the audio topic
 * @param deadLetterTopics the dead-letter topics to count
 * @param runTag        makes this run's stream ids unique
 */
public record FaultSettings(Map<String, Object> client, ProducerSettings producer, BenchAudio audio, int chunkMs,
                            int streams, Duration duration, Duration faultAt, Duration faultLength, Duration settle,
                            Duration settleTimeout, List<ConsumerGroup> groups, List<String> deadLetterTopics,
                            String runTag) {

    /** Chunks each stream sends. */
    public int chunksPerStream() {
        return (int) Math.max(1, duration.toMillis() / chunkMs);
    }
}
