package io.wakestream.gateway.web;

import io.wakestream.gateway.core.WyomingCodec;
import io.wakestream.gateway.core.WyomingEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one Wyoming client's events in order from a thread of its own, so that a client that stops reading
 * blocks only this writer, never the reader or the Kafka listener that hands it results. At most
 * {@value #MAX_QUEUED} events wait; a client that leaves more unread is disconnected.
 */
final class WyomingWriter implements AutoCloseable {

    static final int MAX_QUEUED = 64;
    private static final Duration DRAIN_TIME = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(WyomingWriter.class);

    /** Marks the end of the queue; compared by identity. */
    private final WyomingEvent end = new WyomingEvent("end");
    private final BlockingQueue<WyomingEvent> queue = new ArrayBlockingQueue<>(MAX_QUEUED + 1);
    private final Socket socket;
    private final Thread thread;

    WyomingWriter(Socket socket, OutputStream out, WyomingCodec codec) {
        this.socket = socket;
        this.thread = Thread.ofVirtual().name("wyoming-writer").start(() -> drain(out, codec));
    }

    /**
     * Queues an event for the client.
     *
     * @return false when the client has left {@value #MAX_QUEUED} events unread: it is disconnected
     */
    boolean send(WyomingEvent event) {
        if (queue.size() >= MAX_QUEUED || !queue.offer(event)) {
            LOG.info("Wyoming client {} reads nothing of what it is sent: disconnected", socket.getRemoteSocketAddress());
            closeSocket();
            return false;
        }
        return true;
    }

    /** Writes what is queued (for up to two seconds), then stops. */
    @Override
    public void close() throws InterruptedException {
        if (!queue.offer(end)) {
            thread.interrupt();
        }
        if (!thread.join(DRAIN_TIME)) {
            thread.interrupt();
        }
    }

    private void drain(OutputStream out, WyomingCodec codec) {
        try {
            for (WyomingEvent event = queue.take(); event != end; event = queue.take()) {
                codec.write(event, out);
            }
        } catch (IOException e) {
            LOG.info("Wyoming client {}: write failed: {}", socket.getRemoteSocketAddress(), e.toString());
            closeSocket();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeSocket() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("closing a Wyoming socket", e);
        }
    }
}
