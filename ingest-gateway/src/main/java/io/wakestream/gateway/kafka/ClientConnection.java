package io.wakestream.gateway.kafka;

import io.wakestream.events.v1.AudioChunk;
import io.wakestream.gateway.config.GatewayMetrics;
import io.wakestream.gateway.core.ClientFormat;
import io.wakestream.gateway.core.IngestStream;
import io.wakestream.gateway.core.RealTimePacer;
import io.wakestream.gateway.core.RejectReason;
import io.wakestream.gateway.core.RejectedException;
import io.wakestream.gateway.core.ResultRouter;
import io.wakestream.gateway.core.ResultSink;
import io.wakestream.gateway.core.StreamRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One client connection of either protocol: the streams it sends, one at a time, produced to Kafka, and their
 * results routed back to its {@link ResultSink} until it closes (a decision comes after the stream's end). Its methods
 * are synchronized, since a transport may report a closed socket on another thread than the one reading it;
 * {@link #close()} ends an open stream, so a client that drops mid-stream still
 * leaves an end-of-stream chunk behind.
 */
public final class ClientConnection implements AutoCloseable {

    private final String protocol;
    private final ResultSink sink;
    private final Deps deps;
    private final List<String> streamIds = new ArrayList<>();
    private IngestStream stream;
    private RealTimePacer pacer;
    private boolean closed;

    /** What every connection shares. */
    record Deps(StreamRegistry registry, ResultRouter router, AudioPublisher publisher, GatewayMetrics metrics,
                Supplier<RealTimePacer> pacers, int chunkSamples) {
    }

    ClientConnection(String protocol, ResultSink sink, Deps deps) {
        this.protocol = protocol;
        this.sink = sink;
        this.deps = deps;
    }

    /**
     * Starts a stream under {@code streamId}.
     *
     * @throws RejectedException when the id is held by another connection or the stream limit is reached
     * @throws IllegalStateException when a stream is already open on this connection
     */
    public synchronized void start(String streamId, ClientFormat format) {
        if (stream != null) {
            throw new IllegalStateException("stream " + stream.streamId() + " is still open");
        }
        deps.registry().claim(streamId, this);
        deps.router().register(streamId, sink);
        streamIds.add(streamId);
        stream = new IngestStream(streamId, format, deps.chunkSamples());
        pacer = deps.pacers().get();
    }

    /** The open stream, or null. */
    public synchronized IngestStream stream() {
        return stream;
    }

    /**
     * Takes one block of the open stream's PCM: waits while the client is ahead of the pacing, then produces the
     * chunks the block completes and waits for Kafka to acknowledge them.
     *
     * @throws RejectedException on audio that is not whole frames, a client too far ahead, or Kafka failing
     */
    public synchronized void audio(byte[] pcm) throws InterruptedException {
        if (stream == null) {
            throw new RejectedException(RejectReason.BAD_AUDIO, "audio before the stream was started");
        }
        deps.metrics().audioBytes(protocol, pcm.length);
        double blockSeconds = (double) pcm.length / stream.format().frameBytes() / stream.format().sampleRate();
        long wait = pacer.waitNanos(stream.receivedSeconds() + blockSeconds);
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        publish(stream.accept(pcm, System.currentTimeMillis()));
    }

    /** Ends the open stream (the end-of-stream chunk is produced); its results still come back. No-op without one. */
    public synchronized void endStream() {
        if (stream == null) {
            return;
        }
        IngestStream ending = stream;
        stream = null;
        publish(ending.finish(System.currentTimeMillis()));
        deps.registry().release(ending.streamId(), this);
    }

    /** The ids of the streams this connection has sent, in order. */
    public synchronized List<String> streamIds() {
        return List.copyOf(streamIds);
    }

    /** Ends an open stream, stops routing results here and frees the connection's place. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            endStream();
        } finally {
            streamIds.forEach(id -> deps.router().unregister(id, sink));
            deps.registry().disconnect(this);
        }
    }

    private void publish(List<AudioChunk> chunks) {
        if (!chunks.isEmpty()) {
            deps.publisher().publishAndWait(chunks, protocol);
        }
    }
}
