package io.wakestream.gateway.web;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A satellite's side of the Wyoming protocol, written from its public description independently of the gateway's
 * codec: a JSON header line; data inline in the header or as a {@code data_length} block; a
 * {@code payload_length} binary payload.
 */
final class WyomingTestClient implements AutoCloseable {

    /** A received event; {@code data} merges inline and block data. */
    record Event(String type, JsonNode data, byte[] payload) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    WyomingTestClient(int port, Duration readTimeout) throws IOException {
        socket = new Socket("localhost", port);
        socket.setSoTimeout((int) readTimeout.toMillis());
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** Sends an event with its data inline in the header. */
    void sendInline(String type, String dataJson) throws IOException {
        ObjectNode header = JSON.createObjectNode().put("type", type);
        if (dataJson != null) {
            header.set("data", JSON.readTree(dataJson));
        }
        out.write((JSON.writeValueAsString(header) + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Sends an event with its data as a separate {@code data_length} block and an optional payload. */
    void sendBlock(String type, String dataJson, byte[] payload) throws IOException {
        byte[] data = dataJson == null ? new byte[0] : dataJson.getBytes(StandardCharsets.UTF_8);
        ObjectNode header = JSON.createObjectNode().put("type", type).put("version", "1.5.2")
                .put("data_length", data.length).put("payload_length", payload == null ? 0 : payload.length);
        out.write((JSON.writeValueAsString(header) + "\n").getBytes(StandardCharsets.UTF_8));
        out.write(data);
        if (payload != null) {
            out.write(payload);
        }
        out.flush();
    }

    void sendRaw(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The next event, or null when the server closed the connection. */
    Event read() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                return null;
            }
            line.write(b);
        }
        JsonNode header = JSON.readTree(line.toByteArray());
        ObjectNode data = header.has("data") ? (ObjectNode) header.get("data").deepCopy() : JSON.createObjectNode();
        int dataLength = header.path("data_length").asInt(0);
        if (dataLength > 0) {
            data.setAll((ObjectNode) JSON.readTree(in.readNBytes(dataLength)));
        }
        int payloadLength = header.path("payload_length").asInt(0);
        byte[] payload = payloadLength > 0 ? in.readNBytes(payloadLength) : new byte[0];
        return new Event(header.path("type").asString(), data, payload);
    }

    /** The next event of {@code type}, skipping others. */
    Event read(String type) throws IOException {
        Event event;
        while ((event = read()) != null) {
            if (event.type().equals(type)) {
                return event;
            }
        }
        throw new AssertionError("the connection closed before a " + type + " event");
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
