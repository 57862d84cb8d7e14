package io.wakestream.gateway.web;

import io.wakestream.gateway.config.GatewayProperties;
import io.wakestream.gateway.core.TokenVerifier;
import io.wakestream.gateway.core.WyomingCodec;
import io.wakestream.gateway.kafka.ClientConnections;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The Wyoming TCP server: one virtual thread per client runs its {@link WyomingSession}. A slow reader is the
 * back-pressure: while a session waits (pacing, Kafka), its socket is not read and TCP slows the client.
 */
public final class WyomingServer implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(WyomingServer.class);
    private static final Duration ACCEPTOR_STOP = Duration.ofSeconds(5);

    private final GatewayProperties properties;
    private final ClientConnections connections;
    private final TokenVerifier tokens;
    private final WyomingCodec codec;
    private ServerSocket server;
    private ExecutorService sessions;
    private Thread acceptor;

    public WyomingServer(GatewayProperties properties, ClientConnections connections, TokenVerifier tokens,
                         WyomingCodec codec) {
        this.properties = properties;
        this.connections = connections;
        this.tokens = tokens;
        this.codec = codec;
    }

    @Override
    public synchronized void start() {
        try {
            server = new ServerSocket();
            server.bind(new InetSocketAddress(properties.wyoming().port()));
        } catch (IOException e) {
            throw new UncheckedIOException("the Wyoming server cannot listen on port " + properties.wyoming().port()
                    + "; set wakestream.gateway.wyoming.port to a free one", e);
        }
        sessions = Executors.newVirtualThreadPerTaskExecutor();
        // the acceptor keeps its own references: stop() clears the fields while it may still be in accept()
        ServerSocket listening = server;
        ExecutorService pool = sessions;
        acceptor = Thread.ofPlatform().name("wyoming-accept").daemon().start(() -> accept(listening, pool));
        LOG.info("Wyoming server on port {}", port());
    }

    /** The port listened on (the bound one when 0 was configured); -1 when not running. */
    public synchronized int port() {
        return server == null ? -1 : server.getLocalPort();
    }

    private void accept(ServerSocket listening, ExecutorService pool) {
        while (!listening.isClosed()) {
            Socket socket;
            try {
                socket = listening.accept();
            } catch (IOException e) {
                if (!listening.isClosed()) {
                    LOG.warn("Wyoming accept failed: {}", e.toString());
                }
                continue;
            }
            try {
                pool.execute(new WyomingSession(socket, codec, connections, tokens, properties.wyoming()));
            } catch (RejectedExecutionException stopping) {
                close(socket);
            }
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("closing a Wyoming connection accepted while stopping", e);
        }
    }

    @Override
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("closing the Wyoming server socket", e);
        }
        sessions.shutdownNow();
        server = null;
        try {
            // closing the socket ends accept(): once stop() returns, nothing of the server runs
            if (!acceptor.join(ACCEPTOR_STOP)) {
                LOG.warn("the Wyoming acceptor did not end within {}", ACCEPTOR_STOP);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }
}
