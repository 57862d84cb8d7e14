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
import io.wakestream.gateway.kafka.ClientConnection;
import io.wakestream.gateway.kafka.ClientConnections;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The WebSocket endpoint {@value #PATH}: a JSON text handshake, then binary messages of PCM; a text
 * {@code {"type":"stop"}} (or closing the socket) ends the stream. Results come back as JSON text messages until
 * the socket closes. A refused handshake or bad audio closes the socket with a status and a reason saying why.
 */
public final class AudioSocketHandler extends AbstractWebSocketHandler {

    public static final String PATH = "/v1/audio";

    private static final Logger LOG = LoggerFactory.getLogger(AudioSocketHandler.class);
    private static final int SEND_TIME_LIMIT_MS = 10_000;
    private static final int SEND_BUFFER_LIMIT = 1 << 20;
    /** WebSocket close reasons are limited to 123 bytes of UTF-8. */
    private static final int MAX_REASON_BYTES = 123;

    private final ClientConnections connections;
    private final TokenVerifier tokens;
    private final GatewayProperties properties;
    private final JsonMapper json;
    private final ResultMessages messages;
    private final Map<String, Client> open = new ConcurrentHashMap<>();

    /** An accepted socket: its connection, and the thread-safe sender every message to it goes through. */
    private record Client(ClientConnection connection, WebSocketSession sender) {
    }

    public AudioSocketHandler(ClientConnections connections, TokenVerifier tokens, GatewayProperties properties,
                              JsonMapper json) {
        this.connections = connections;
        this.tokens = tokens;
        this.properties = properties;
        this.json = json;
        this.messages = new ResultMessages(json);
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws IOException {
        WebSocketSession sender = new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, SEND_BUFFER_LIMIT);
        try {
            open.put(session.getId(), new Client(connections.open(GatewayMetrics.WEBSOCKET, new Sink(sender)), sender));
        } catch (RejectedException e) {
            reject(session, e);
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
        Client client = open.get(session.getId());
        if (client == null) {
            return;
        }
        try {
            if (client.connection().streamIds().isEmpty()) {
                handshake(session, client, message.getPayload());
            } else {
                control(client, message.getPayload());
            }
        } catch (RejectedException e) {
            reject(session, e);
        }
    }

    @Override
    protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) throws IOException {
        Client client = open.get(session.getId());
        if (client == null) {
            return;
        }
        ClientConnection connection = client.connection();
        try {
            if (connection.stream() == null) {
                throw new RejectedException(connection.streamIds().isEmpty() ? RejectReason.BAD_HANDSHAKE
                        : RejectReason.BAD_AUDIO, connection.streamIds().isEmpty()
                        ? "send the JSON handshake as a text message before any audio" : "audio after the stream ended");
            }
            ByteBuffer payload = message.getPayload();
            byte[] pcm = new byte[payload.remaining()];
            payload.get(pcm);
            connection.audio(pcm);
        } catch (RejectedException e) {
            reject(session, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            session.close(CloseStatus.GOING_AWAY);
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        Client client = open.remove(session.getId());
        if (client == null) {
            return;
        }
        ClientConnection connection = client.connection();
        try {
            connection.close();
        } catch (RejectedException e) {
            // The client is gone: nobody is left to tell, but the lost end of stream must be seen.
            LOG.warn("stream(s) {} of a closed WebSocket: {}", connection.streamIds(), e.getMessage());
            connections.rejected(GatewayMetrics.WEBSOCKET, e);
        }
    }

    private void handshake(WebSocketSession session, Client client, String text) throws IOException {
        JsonNode handshake;
        try {
            handshake = json.readTree(text);
        } catch (JacksonException e) {
            throw new RejectedException(RejectReason.BAD_HANDSHAKE, "the handshake is not JSON: " + e.getOriginalMessage());
        }
        if (handshake == null || !handshake.isObject()) {
            throw new RejectedException(RejectReason.BAD_HANDSHAKE, "the handshake must be a JSON object with "
                    + "stream_id, sample_rate, channels and sample_format");
        }
        String token = handshake.path("token").isString() ? handshake.path("token").asString() : queryToken(session);
        tokens.require(token);
        String streamId = StreamIds.require(text(handshake, "stream_id"));
        ClientFormat format = new ClientFormat(integer(handshake, "sample_rate"), integer(handshake, "channels"),
                SampleFormat.parse(text(handshake, "sample_format")));
        client.connection().start(streamId, format);
        client.sender().sendMessage(new TextMessage(messages.ready(streamId, properties.chunkMs())));
    }

    private void control(Client client, String text) throws IOException {
        ClientConnection connection = client.connection();
        JsonNode control;
        try {
            control = json.readTree(text);
        } catch (JacksonException e) {
            control = null;
        }
        if (control == null || !"stop".equals(control.path("type").asString(""))) {
            throw new RejectedException(RejectReason.BAD_HANDSHAKE,
                    "after the handshake the only text message is {\"type\":\"stop\"}");
        }
        String streamId = connection.stream() == null ? null : connection.stream().streamId();
        connection.endStream();
        if (streamId != null) {
            client.sender().sendMessage(new TextMessage(messages.ended(streamId)));
        }
    }

    private static String queryToken(WebSocketSession session) {
        return session.getUri() == null ? null
                : UriComponentsBuilder.fromUri(session.getUri()).build().getQueryParams().getFirst("token");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString()) {
            throw new RejectedException(RejectReason.BAD_HANDSHAKE, field + " must be a string");
        }
        return value.asString();
    }

    private static int integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new RejectedException(RejectReason.BAD_HANDSHAKE, field + " must be an integer");
        }
        return value.asInt();
    }

    private void reject(WebSocketSession session, RejectedException rejection) throws IOException {
        connections.rejected(GatewayMetrics.WEBSOCKET, rejection);
        LOG.info("WebSocket {} refused: {} ({})", session.getId(), rejection.getMessage(), rejection.reason().tag());
        session.close(closeStatus(rejection.reason()).withReason(truncate(rejection.getMessage())));
    }

    private static CloseStatus closeStatus(RejectReason reason) {
        return switch (reason) {
            case UNAUTHORIZED, STREAM_IN_USE, TOO_FAST -> CloseStatus.POLICY_VIOLATION;
            case BAD_HANDSHAKE, BAD_AUDIO -> CloseStatus.BAD_DATA;
            case TOO_MANY_CONNECTIONS, TOO_MANY_STREAMS -> CloseStatus.SERVICE_OVERLOAD;
            case KAFKA_UNAVAILABLE -> CloseStatus.SERVER_ERROR;
        };
    }

    private static String truncate(String reason) {
        byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_REASON_BYTES) {
            return reason;
        }
        String cut = new String(bytes, 0, MAX_REASON_BYTES - 3, StandardCharsets.UTF_8);
        return cut.substring(0, cut.length() - 1) + "...";
    }

    /** Writes a stream's results to its socket as JSON text messages. */
    private final class Sink implements ResultSink {

        private final WebSocketSession sender;

        Sink(WebSocketSession sender) {
            this.sender = sender;
        }

        @Override
        public void detection(WakewordDetection detection) {
            send(messages.detection(detection), "detection");
        }

        @Override
        public void decision(TriggerDecision decision) {
            send(messages.decision(decision), "decision");
        }

        private void send(String text, String type) {
            try {
                sender.sendMessage(new TextMessage(text));
                connections.resultSent(GatewayMetrics.WEBSOCKET, type);
            } catch (IOException | IllegalStateException e) {
                LOG.info("a {} for WebSocket {} was not delivered: {}", type, sender.getId(), e.getMessage());
            }
        }
    }
}
