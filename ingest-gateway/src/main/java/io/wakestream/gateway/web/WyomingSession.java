package io.wakestream.gateway.web;

import io.wakestream.events.v1.TriggerDecision;
import io.wakestream.events.v1.WakewordDetection;
import io.wakestream.gateway.config.GatewayMetrics;
import io.wakestream.gateway.config.GatewayProperties;
import io.wakestream.gateway.core.ClientFormat;
import io.wakestream.gateway.core.RejectReason;
import io.wakestream.gateway.core.RejectedException;
import io.wakestream.gateway.core.ResultSink;
import io.wakestream.gateway.core.SampleFormat;
import io.wakestream.gateway.core.StreamIds;
import io.wakestream.gateway.core.TokenVerifier;
import io.wakestream.gateway.core.WyomingCodec;
import io.wakestream.gateway.core.WyomingEvent;
import io.wakestream.gateway.kafka.ClientConnection;
import io.wakestream.gateway.kafka.ClientConnections;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One Wyoming client, the wake-word service side: {@code describe} → {@code info}; {@code detect} (optionally
 * with a {@code token}, and a {@code stream_id}); {@code audio-start}, {@code audio-chunk}s, {@code audio-stop}
 * as one stream, answered by {@code detection} events as they come and {@code not-detected} at
 * {@code audio-stop} when the stream had none; {@code ping} → {@code pong}. Each audio-start begins a new
 * stream: the connection's id, then {@code <id>.2}, {@code <id>.3}, .... Refusals are sent as an {@code error}
 * event ({@code text}, {@code code} the reason) before the connection closes. Other event types are ignored, as
 * Wyoming peers do.
 */
final class WyomingSession implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(WyomingSession.class);
    /** How long audio-stop waits for a detection still in the pipeline before it answers not-detected. */
    static final Duration STOP_GRACE = Duration.ofSeconds(3);

    private final Socket socket;
    private final WyomingCodec codec;
    private final ClientConnections connections;
    private final TokenVerifier tokens;
    private final GatewayProperties.Wyoming settings;
    private final Set<String> detected = new HashSet<>();
    private WyomingWriter writer;
    private ClientConnection connection;
    private boolean authorized;
    private String baseStreamId = "wyoming-" + UUID.randomUUID();
    private int streams;

    WyomingSession(Socket socket, WyomingCodec codec, ClientConnections connections, TokenVerifier tokens,
                   GatewayProperties.Wyoming settings) {
        this.socket = socket;
        this.codec = codec;
        this.connections = connections;
        this.tokens = tokens;
        this.settings = settings;
        this.authorized = tokens.open() || !settings.requireToken();
    }

    @Override
    public void run() {
        try (socket; WyomingWriter events = new WyomingWriter(socket,
                new BufferedOutputStream(socket.getOutputStream()), codec)) {
            writer = events;
            socket.setSoTimeout((int) settings.idleTimeout().toMillis());
            InputStream in = new BufferedInputStream(socket.getInputStream());
            try {
                connection = connections.open(GatewayMetrics.WYOMING, new Sink());
                WyomingEvent event;
                while ((event = codec.read(in)) != null) {
                    handle(event);
                }
            } catch (RejectedException e) {
                refuse(e);
            } finally {
                closeConnection();
            }
        } catch (IOException e) {
            LOG.info("Wyoming client {} gone: {}", socket.getRemoteSocketAddress(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(WyomingEvent event) throws InterruptedException {
        switch (event.type()) {
            case "describe" -> send(info());
            case "ping" -> send(new WyomingEvent("pong", event.data()));
            case "detect" -> identify(event);
            case "audio-start" -> start(event);
            case "audio-chunk" -> chunk(event);
            case "audio-stop" -> stop();
            default -> LOG.debug("Wyoming event {} ignored", event.type());
        }
    }

    /** A {@code detect} may carry the token and the stream id; it names the wake words wanted, and we have one. */
    private void identify(WyomingEvent event) {
        authorize(event);
        if (event.text("stream_id") != null) {
            baseStreamId = StreamIds.require(event.text("stream_id"));
        }
    }

    private void start(WyomingEvent event) {
        authorize(event);
        if (event.text("stream_id") != null && streams == 0) {
            baseStreamId = StreamIds.require(event.text("stream_id"));
        }
        if (!authorized) {
            throw new RejectedException(RejectReason.UNAUTHORIZED,
                    "a token is required: send it as data.token of detect or audio-start");
        }
        connection.endStream();
        streams++;
        String streamId = streams == 1 ? baseStreamId : baseStreamId + "." + streams;
        connection.start(streamId, format(event));
    }

    private void chunk(WyomingEvent event) throws InterruptedException {
        if (connection.stream() == null) {
            start(event);
        } else if (!format(event).equals(connection.stream().format())) {
            throw new RejectedException(RejectReason.BAD_AUDIO, "audio-chunk format " + format(event)
                    + " differs from the stream's " + connection.stream().format());
        }
        connection.audio(event.payload());
    }

    private void stop() throws InterruptedException {
        if (connection.stream() == null) {
            return;
        }
        String streamId = connection.stream().streamId();
        connection.endStream();
        if (!awaitDetection(streamId)) {
            send(new WyomingEvent("not-detected"));
        }
    }

    private synchronized boolean awaitDetection(String streamId) throws InterruptedException {
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        while (!detected.contains(streamId) && System.nanoTime() < deadline) {
            wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        return detected.contains(streamId);
    }

    private void authorize(WyomingEvent event) {
        if (!authorized && event.text("token") != null) {
            tokens.require(event.text("token"));
            authorized = true;
        }
    }

    /** Wyoming audio: {@code rate}, {@code width} (bytes per sample; 2 is 16-bit PCM), {@code channels}. */
    private static ClientFormat format(WyomingEvent event) {
        int width = event.integer("width");
        if (width != 2) {
            throw new RejectedException(RejectReason.BAD_AUDIO, "width " + width + " is not supported: send 16-bit PCM"
                    + " (width 2)");
        }
        return new ClientFormat(event.integer("rate"), event.integer("channels"), SampleFormat.S16LE);
    }

    private WyomingEvent info() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode attribution = nodes.objectNode().put("name", "Wakestream").put("url", "");
        ObjectNode model = nodes.objectNode().put("name", settings.modelName())
                .put("description", "Wakestream's cascade (wake word, keyword verification, lattice decision)")
                .put("phrase", settings.modelName().replace('_', ' ')).put("installed", true).put("version", "1");
        model.set("attribution", attribution.deepCopy());
        model.putArray("languages").add("en");
        ObjectNode wake = nodes.objectNode().put("name", "wakestream").put("description", "Wakestream ingest-gateway")
                .put("installed", true).put("version", "1");
        wake.set("attribution", attribution);
        wake.putArray("models").add(model);
        ObjectNode data = nodes.objectNode();
        data.putArray("wake").add(wake);
        return new WyomingEvent("info", data);
    }

    private boolean send(WyomingEvent event) {
        return writer.send(event);
    }

    private void refuse(RejectedException rejection) {
        connections.rejected(GatewayMetrics.WYOMING, rejection);
        LOG.info("Wyoming client {} refused: {} ({})", socket.getRemoteSocketAddress(), rejection.getMessage(),
                rejection.reason().tag());
        send(new WyomingEvent("error", JsonNodeFactory.instance.objectNode().put("text", rejection.getMessage())
                .put("code", rejection.reason().tag())));
    }

    private void closeConnection() {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (RejectedException e) {
            LOG.warn("stream(s) {} of a closed Wyoming connection: {}", connection.streamIds(), e.getMessage());
            connections.rejected(GatewayMetrics.WYOMING, e);
        }
    }

    /** Writes detections (or accepted decisions, as configured) as {@code detection} events. */
    private final class Sink implements ResultSink {

        @Override
        public void detection(WakewordDetection detection) {
            if (settings.detectionSource() == GatewayProperties.DetectionSource.DETECTION) {
                report(detection.getStreamId(), detection.getEndSample(), "detection");
            }
        }

        @Override
        public void decision(TriggerDecision decision) {
            if (settings.detectionSource() == GatewayProperties.DetectionSource.ACCEPTED_DECISION
                    && decision.getAccepted()) {
                report(decision.getStreamId(), decision.getEndSample(), "decision");
            }
        }

        /** timestamp: milliseconds from the stream's start to the end of the wake word. */
        private void report(String streamId, long endSample, String type) {
            synchronized (WyomingSession.this) {
                detected.add(streamId);
                WyomingSession.this.notifyAll();
            }
            if (send(new WyomingEvent("detection", JsonNodeFactory.instance.objectNode()
                    .put("name", settings.modelName()).put("timestamp", endSample / 16)))) {
                connections.resultSent(GatewayMetrics.WYOMING, type);
            }
        }
    }
}
