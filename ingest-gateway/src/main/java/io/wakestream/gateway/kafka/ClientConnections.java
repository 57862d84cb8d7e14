package io.wakestream.gateway.kafka;

import io.wakestream.gateway.config.GatewayMetrics;
import io.wakestream.gateway.config.GatewayProperties;
import io.wakestream.gateway.core.RealTimePacer;
import io.wakestream.gateway.core.RejectedException;
import io.wakestream.gateway.core.ResultRouter;
import io.wakestream.gateway.core.ResultSink;
import io.wakestream.gateway.core.StreamRegistry;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/** Opens {@link ClientConnection}s within the connection limit and counts them. */
@Component
public class ClientConnections {

    private final ClientConnection.Deps deps;

    public ClientConnections(StreamRegistry registry, ResultRouter router, AudioPublisher publisher,
                             GatewayMetrics metrics, Supplier<RealTimePacer> pacers, GatewayProperties properties) {
        this.deps = new ClientConnection.Deps(registry, router, publisher, metrics, pacers, properties.chunkSamples());
    }

    /**
     * A new connection whose results go to {@code sink}.
     *
     * @throws RejectedException (too many connections) at the limit
     */
    public ClientConnection open(String protocol, ResultSink sink) {
        ClientConnection connection = new ClientConnection(protocol, sink, deps);
        deps.registry().connect(connection);
        deps.metrics().connected(protocol);
        return connection;
    }

    /** Counts a result ({@code detection}, {@code decision}) written to a client. */
    public void resultSent(String protocol, String type) {
        deps.metrics().resultSent(protocol, type);
    }

    /** Counts a refused or ended connection. */
    public void rejected(String protocol, RejectedException rejection) {
        deps.metrics().rejected(protocol, rejection.reason());
    }
}
