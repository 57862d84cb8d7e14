package io.wakestream.wakeword.kafka;

import io.wakestream.wakeword.config.WakewordMetrics;
import io.wakestream.wakeword.core.DroppedStreams;
import io.wakestream.wakeword.core.ResetReason;
import io.wakestream.wakeword.core.WakewordEngine;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.stereotype.Component;

/**
 * Per-stream state belongs to the partition the stream's chunks arrive on. When a partition is
 * revoked its streams are dropped, closing their open segments: the new owner starts them afresh.
 */
@Component
public class StreamOwnership implements ConsumerAwareRebalanceListener {

    private final Map<String, TopicPartition> partitionOfStream = new ConcurrentHashMap<>();
    private final WakewordEngine engine;
    private final EventPublisher publisher;
    private final WakewordMetrics metrics;

    public StreamOwnership(WakewordEngine engine, EventPublisher publisher, WakewordMetrics metrics) {
        this.engine = engine;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    void seen(String streamId, TopicPartition partition) {
        partitionOfStream.put(streamId, partition);
    }

    void forget(String streamId) {
        partitionOfStream.remove(streamId);
    }

    @Override
    public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Set<TopicPartition> revoked = Set.copyOf(partitions);
        Set<String> streams = partitionOfStream.entrySet().stream()
                .filter(entry -> revoked.contains(entry.getValue()))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        if (!streams.isEmpty()) {
            release(engine.drop(streams::contains), ResetReason.PARTITION_REVOKED);
        }
    }

    /** Publishes the dropped streams' open segments and forgets them. */
    void release(DroppedStreams dropped, ResetReason reason) {
        publisher.publish(dropped.openSegments());
        dropped.streamIds().forEach(stream -> {
            partitionOfStream.remove(stream);
            metrics.reset(reason);
        });
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        onPartitionsRevokedBeforeCommit(consumer, partitions);
    }
}
