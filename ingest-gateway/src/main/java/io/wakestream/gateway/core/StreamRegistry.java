package io.wakestream.gateway.core;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The gateway's connections and the streams they hold, within their limits. A stream id is held by one
 * connection at a time: a second connection asking for it is refused (the first keeps streaming), since
 * replacing the first would interleave two devices' audio under one id or cut a device off mid-request.
 * Thread-safe.
 */
public final class StreamRegistry {

    private final int maxConnections;
    private final int maxStreams;
    private final Set<Object> connections = new HashSet<>();
    private final Map<String, Object> streams = new HashMap<>();

    /** @param maxConnections open connections at most; @param maxStreams streams at most, positive both */
    public StreamRegistry(int maxConnections, int maxStreams) {
        if (maxConnections < 1 || maxStreams < 1) {
            throw new IllegalArgumentException("limits must be positive: " + maxConnections + ", " + maxStreams);
        }
        this.maxConnections = maxConnections;
        this.maxStreams = maxStreams;
    }

    /** @throws RejectedException (too many connections) when the limit is reached */
    public synchronized void connect(Object connection) {
        if (connections.size() >= maxConnections && !connections.contains(connection)) {
            throw new RejectedException(RejectReason.TOO_MANY_CONNECTIONS,
                    "the gateway holds its maximum of " + maxConnections + " connections; try again later");
        }
        connections.add(connection);
    }

    /**
     * Gives {@code streamId} to {@code connection}.
     *
     * @throws RejectedException (stream in use) when another connection holds it, (too many streams) at the limit
     */
    public synchronized void claim(String streamId, Object connection) {
        Object holder = streams.get(streamId);
        if (holder != null && holder != connection) {
            throw new RejectedException(RejectReason.STREAM_IN_USE,
                    "stream_id " + streamId + " is already streaming on another connection");
        }
        if (holder == null && streams.size() >= maxStreams) {
            throw new RejectedException(RejectReason.TOO_MANY_STREAMS,
                    "the gateway holds its maximum of " + maxStreams + " streams; try again later");
        }
        streams.put(streamId, connection);
    }

    /** Frees {@code streamId} if {@code connection} holds it. */
    public synchronized void release(String streamId, Object connection) {
        streams.remove(streamId, connection);
    }

    /** Forgets the connection and frees every stream it holds. */
    public synchronized void disconnect(Object connection) {
        connections.remove(connection);
        streams.values().removeIf(holder -> holder == connection);
    }

    public synchronized int connections() {
        return connections.size();
    }

    public synchronized int streams() {
        return streams.size();
    }
}
