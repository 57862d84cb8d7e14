package io.wakestream.wakeword.kafka;

import io.wakestream.events.v1.AudioChunk;
import io.wakestream.wakeword.config.WakewordMetrics;
import io.wakestream.wakeword.core.AudioInput;
import io.wakestream.wakeword.core.ChunkResult;
import io.wakestream.wakeword.core.WakewordEngine;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds {@code voice.audio.v1} into the engine and publishes what it emits. Started by the enrollment follower once
 * it has read the enrollment topic, so that a stream runs its enrolled phrase from its first chunk.
 */
@Component
public class AudioChunkListener {

    public static final String ID = "wakeword-audio";

    private final AudioChunkDecoder decoder;
    private final WakewordEngine engine;
    private final EventPublisher publisher;
    private final StreamOwnership ownership;
    private final WakewordMetrics metrics;

    public AudioChunkListener(AudioChunkDecoder decoder, WakewordEngine engine, EventPublisher publisher,
                              StreamOwnership ownership, WakewordMetrics metrics) {
        this.decoder = decoder;
        this.engine = engine;
        this.publisher = publisher;
        this.ownership = ownership;
        this.metrics = metrics;
    }

    @KafkaListener(id = ID, topics = "${wakestream.topics.audio:voice.audio.v1}", autoStartup = "false")
    public void onChunk(ConsumerRecord<String, AudioChunk> record) {
        AudioInput input = decoder.decode(record.key(), record.value());
        ChunkResult result = metrics.chunkProcessing().record(() -> engine.accept(input));
        if (input.endOfStream()) {
            ownership.forget(input.streamId());
        } else {
            ownership.seen(input.streamId(), new TopicPartition(record.topic(), record.partition()));
        }
        metrics.chunk(result.outcome());
        if (result.reset() != null) {
            metrics.reset(result.reset());
        }
        publisher.publish(result.events());
    }
}
