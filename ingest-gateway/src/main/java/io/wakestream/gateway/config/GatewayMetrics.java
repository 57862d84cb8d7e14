package io.wakestream.gateway.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.wakestream.gateway.core.RejectReason;
import io.wakestream.gateway.core.StreamRegistry;
import org.springframework.stereotype.Component;

/** Every metric the gateway publishes, named and tagged in one place; {@code protocol} is {@code websocket} or {@code wyoming}. */
@Component
public class GatewayMetrics {

    public static final String WEBSOCKET = "websocket";
    public static final String WYOMING = "wyoming";

    private final MeterRegistry registry;

    public GatewayMetrics(MeterRegistry registry, StreamRegistry streams) {
        this.registry = registry;
        registry.gauge("wakestream.gateway.connections.active", streams, StreamRegistry::connections);
        registry.gauge("wakestream.gateway.streams.active", streams, StreamRegistry::streams);
        for (String protocol : new String[] {WEBSOCKET, WYOMING}) {
            connections(protocol);
            for (RejectReason reason : RejectReason.values()) {
                rejections(protocol, reason);
            }
        }
    }

    /** A connection accepted. */
    public void connected(String protocol) {
        connections(protocol).increment();
    }

    /** A connection refused or ended by the gateway, by reason. */
    public void rejected(String protocol, RejectReason reason) {
        rejections(protocol, reason).increment();
    }

    /** Bytes of client audio received. */
    public void audioBytes(String protocol, int bytes) {
        Counter.builder("wakestream.gateway.audio.bytes").description("Bytes of client audio received")
                .baseUnit("bytes").tag("protocol", protocol).register(registry).increment(bytes);
    }

    /** AudioChunks acknowledged by Kafka. */
    public void chunkProduced(String protocol) {
        Counter.builder("wakestream.gateway.chunks.produced").description("AudioChunks Kafka acknowledged")
                .tag("protocol", protocol).register(registry).increment();
    }

    /** A result ({@code detection}, {@code decision}) written to a client. */
    public void resultSent(String protocol, String type) {
        Counter.builder("wakestream.gateway.results.sent").description("Detections and decisions sent to clients")
                .tag("protocol", protocol).tag("type", type).register(registry).increment();
    }

    private Counter connections(String protocol) {
        return Counter.builder("wakestream.gateway.connections").description("Connections accepted")
                .tag("protocol", protocol).register(registry);
    }

    private Counter rejections(String protocol, RejectReason reason) {
        return Counter.builder("wakestream.gateway.connections.rejected")
                .description("Connections refused or ended by the gateway, by reason")
                .tag("protocol", protocol).tag("reason", reason.tag()).register(registry);
    }
}
