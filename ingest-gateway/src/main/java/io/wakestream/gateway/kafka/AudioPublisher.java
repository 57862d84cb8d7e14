package io.wakestream.gateway.kafka;

import io.wakestream.common.kafka.TopicsProperties;
import io.wakestream.events.v1.AudioChunk;
import io.wakestream.gateway.config.GatewayMetrics;
import io.wakestream.gateway.core.RejectReason;
import io.wakestream.gateway.core.RejectedException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Produces a stream's chunks to {@code voice.audio.v1}, keyed by stream id, with the idempotent producer: one
 * stream's chunks stay in order on one partition and a retried send is not duplicated.
 */
@Component
public class AudioPublisher {

    /** How long {@link #publishAndWait} waits for Kafka before it gives up on the stream. */
    static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaTemplate<String, Object> template;
    private final TopicsProperties topics;
    private final GatewayMetrics metrics;

    public AudioPublisher(KafkaTemplate<String, Object> template, TopicsProperties topics, GatewayMetrics metrics) {
        this.template = template;
        this.topics = topics;
        this.metrics = metrics;
    }

    /**
     * Sends the chunks and waits for Kafka's acknowledgement of each, so that a client is never told a stream
     * ended that Kafka does not hold, and a stalled broker slows the client instead of filling memory.
     *
     * @throws RejectedException (Kafka unavailable) when a send fails or is not acknowledged in time
     */
    public void publishAndWait(List<AudioChunk> chunks, String protocol) {
        List<CompletableFuture<SendResult<String, Object>>> sends = chunks.stream()
                .map(chunk -> template.send(topics.audio(), chunk.getStreamId(), chunk))
                .toList();
        for (CompletableFuture<SendResult<String, Object>> send : sends) {
            try {
                send.get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                metrics.chunkProduced(protocol);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw unavailable(e);
            } catch (ExecutionException | TimeoutException e) {
                throw unavailable(e);
            }
        }
    }

    private static RejectedException unavailable(Exception cause) {
        RejectedException rejected = new RejectedException(RejectReason.KAFKA_UNAVAILABLE,
                "Kafka did not take the audio; reconnect and send again");
        rejected.initCause(cause);
        return rejected;
    }
}
