package io.wakestream.cli.bench;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * How the load generator's producer batches and compresses.
 *
 * @param lingerMs    {@code linger.ms}: how long a batch waits for more chunks, in milliseconds
 * @param batchBytes  {@code batch.size}: the largest batch per partition, in bytes
 * @param compression {@code compression.type}: {@code lz4} or {@code none}
 */
public record ProducerSettings(int lingerMs, int batchBytes, String compression) {

    /** The producer's settings on top of {@code client}'s connection settings; acknowledged by all replicas, idempotent. */
    public Map<String, Object> on(Map<String, Object> client) {
        Map<String, Object> settings = new HashMap<>(client);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        settings.put(ProducerConfig.BATCH_SIZE_CONFIG, batchBytes);
        settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
        return settings;
    }
}
