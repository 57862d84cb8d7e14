package io.wakestream.wakeword.kafka;

import io.wakestream.events.v1.AudioChunk;
import io.wakestream.wakeword.config.WakewordMetrics;
import io.wakestream.wakeword.core.AudioInput;
import io.wakestream.wakeword.core.ChunkResult;
import io.wakestream.wakeword.core.StreamEvent;
import io.wakestream.wakeword.core.WakewordEngine;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * Feeds {@code voice.audio.v1} into the engine a poll at a time and publishes what it emits: the chunks of a poll are
 * scored together ({@link WakewordEngine#acceptAll}), so hundreds of streams share each model call. Started by the
 * enrollment follower once it has read the enrollment topic, so that a stream runs its enrolled phrase from its first
 * chunk.
 *
 * <p>A record that cannot be decoded or breaks the chunk contract ends the poll's processing there: the records
 * before it are processed and their events published, then it is handed to the error handler (dead-letter topic,
 * with the reason) by its index, and the records after it are delivered again.
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

    // The id names the container only: the consumer group is spring.kafka.consumer.group-id (KEDA scales on it).
    @KafkaListener(id = ID, idIsGroup = false, topics = "${wakestream.topics.audio:voice.audio.v1}", autoStartup = "false",
            batch = "true")
    public void onChunks(List<ConsumerRecord<String, AudioChunk>> records) {
        List<AudioInput> inputs = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            try {
                inputs.add(decode(records.get(i)));
            } catch (RuntimeException invalid) {
                process(records.subList(0, i), inputs);
                throw new BatchListenerFailedException(invalid.getMessage(), invalid, i);
            }
        }
        process(records, inputs);
    }

    private AudioInput decode(ConsumerRecord<String, AudioChunk> record) {
        if (record.value() == null) {
            // The ErrorHandlingDeserializer left the value out and its failure in a header.
            DeserializationException undecodable = SerializationUtils.getExceptionFromHeader(record,
                    SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, null);
            if (undecodable != null) {
                throw undecodable;
            }
        }
        return decoder.decode(record.key(), record.value());
    }

    private void process(List<ConsumerRecord<String, AudioChunk>> records, List<AudioInput> inputs) {
        if (inputs.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        List<ChunkResult> results = engine.acceptAll(inputs);
        metrics.batch(inputs.size(), System.nanoTime() - started);
        List<StreamEvent> events = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            AudioInput input = inputs.get(i);
            ConsumerRecord<String, AudioChunk> record = records.get(i);
            if (input.endOfStream()) {
                ownership.forget(input.streamId());
            } else {
                ownership.seen(input.streamId(), new TopicPartition(record.topic(), record.partition()));
            }
            ChunkResult result = results.get(i);
            metrics.chunk(result.outcome());
            if (result.reset() != null) {
                metrics.reset(result.reset());
            }
            events.addAll(result.events());
        }
        publisher.publish(events);
    }
}
