package io.wakestream.cli.bench;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything a load step needs besides its number of streams.
 *
 * @param client        Kafka connection settings (bootstrap servers, security)
 * @param producer      the load generator's batching and compression
 * @param audio         the pre-encoded loops
 * @param chunkMs       milliseconds of audio per chunk
 * @param duration      how long each step produces audio
 * @param settle        how long to go on reading results after a step's last chunk
 * @param wakeShare     share of streams (0 to 1) carrying the wake phrase
 * @param enrolledShare share of streams (0 to 1) with a phrase enrolled at run time ({@link BenchAudio#ENROLLED_PHRASE},
 *                      spotted by the open-vocabulary detector), which say that phrase instead
 * @param groups        the consumer groups whose lag is followed; the first is wakeword-service's on the audio topic
 * @param processes     process ids to sample, by name
 * @param processNotes  what the report says about a sampled process, by name (e.g. that the load generator shares it)
 * @param metrics       Actuator Prometheus endpoints to read the heap from, by name
 * @param rule          when a load counts as held
 * @param liveSetEvery  how often to measure this JVM's live set by a full collection ({@link LiveSetSampler}); zero
 *                      for never (only meaningful when the services run in this JVM)
 * @param runTag        makes this run's stream ids unique
 */
public record LoadSettings(Map<String, Object> client, ProducerSettings producer, BenchAudio audio, int chunkMs,
                           Duration duration, Duration settle, double wakeShare, double enrolledShare, List<ConsumerGroup> groups,
                           Map<String, Long> processes, Map<String, String> processNotes, Map<String, URI> metrics, HeldRule rule,
                           Duration liveSetEvery, String runTag) {

    public static final String AUDIO_TOPIC = "voice.audio.v1";
    public static final String DETECTIONS_TOPIC = "voice.detections.v1";
    public static final String DECISIONS_TOPIC = "voice.decisions.v1";
    public static final String KEYWORDS_TOPIC = "voice.keywords.v1";

    /** The same settings for steps of another {@code duration} (a warm-up). */
    public LoadSettings withDuration(Duration other) {
        return new LoadSettings(client, producer, audio, chunkMs, other, settle, wakeShare, enrolledShare, groups, processes,
                processNotes, metrics, rule, liveSetEvery, runTag);
    }

    /** Chunks each stream sends in a step. */
    public int chunksPerStream() {
        return (int) Math.max(1, duration.toMillis() / chunkMs);
    }
}
