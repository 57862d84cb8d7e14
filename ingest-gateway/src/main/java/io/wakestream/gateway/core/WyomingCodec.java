package io.wakestream.gateway.core;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Wyoming wire format, written from its public description: each event is a header, one line of JSON
 * ({@code type}, optionally {@code data}, {@code data_length}, {@code payload_length}, {@code version}) ending in
 * a newline; then {@code data_length} bytes of UTF-8 JSON whose fields are merged over the header's inline
 * {@code data}; then {@code payload_length} bytes of binary payload. Events are written with their data as a
 * separate block, the form current peers send.
 */
public final class WyomingCodec {

    /** The protocol version written in headers. */
    public static final String VERSION = "1.5.2";
    static final int MAX_HEADER_BYTES = 64 * 1024;
    static final int MAX_DATA_BYTES = 1 << 20;

    private final JsonMapper json;
    private final int maxPayloadBytes;

    /** @param maxPayloadBytes the largest payload read; larger ones are refused before being read */
    public WyomingCodec(JsonMapper json, int maxPayloadBytes) {
        this.json = json;
        this.maxPayloadBytes = maxPayloadBytes;
    }

    /**
     * The next event, or null at a clean end of the stream (between events).
     *
     * @throws RejectedException (bad handshake) on a malformed header or data block, or lengths over the limits
     * @throws EOFException      when the stream ends inside an event
     */
    public WyomingEvent read(InputStream in) throws IOException {
        byte[] line = readLine(in);
        if (line == null) {
            return null;
        }
        JsonNode header = parse(line, "header");
        if (!header.path("type").isString() || header.path("type").asString().isBlank()) {
            throw malformed("the header has no type");
        }
        ObjectNode data = json.createObjectNode();
        if (header.has("data") && !header.get("data").isNull()) {
            if (!header.get("data").isObject()) {
                throw malformed("data in the header must be a JSON object");
            }
            data.setAll((ObjectNode) header.get("data"));
        }
        int dataLength = length(header, "data_length", MAX_DATA_BYTES);
        if (dataLength > 0) {
            JsonNode block = parse(in.readNBytes(dataLength), dataLength, "data block");
            if (!block.isObject()) {
                throw malformed("the data block must be a JSON object");
            }
            data.setAll((ObjectNode) block);
        }
        int payloadLength = length(header, "payload_length", maxPayloadBytes);
        byte[] payload = payloadLength > 0 ? readFully(in, payloadLength) : null;
        return new WyomingEvent(header.get("type").asString(), data, payload);
    }

    /** Writes one event: header line, data block (when there is data), payload (when there is one). Not thread-safe. */
    public void write(WyomingEvent event, OutputStream out) throws IOException {
        byte[] data = event.data().isEmpty() ? new byte[0] : json.writeValueAsBytes(event.data());
        ObjectNode header = json.createObjectNode().put("type", event.type()).put("version", VERSION);
        if (data.length > 0) {
            header.put("data_length", data.length);
        }
        if (event.payload().length > 0) {
            header.put("payload_length", event.payload().length);
        }
        out.write(json.writeValueAsBytes(header));
        out.write('\n');
        out.write(data);
        out.write(event.payload());
        out.flush();
    }

    private static byte[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (line.size() == 0) {
                    return null;
                }
                throw new EOFException("the stream ended inside an event header");
            }
            if (b == '\n') {
                return line.toByteArray();
            }
            if (line.size() >= MAX_HEADER_BYTES) {
                throw malformed("an event header longer than " + MAX_HEADER_BYTES + " bytes");
            }
            line.write(b);
        }
    }

    private static byte[] readFully(InputStream in, int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new EOFException("the stream ended after " + bytes.length + " of " + length + " payload bytes");
        }
        return bytes;
    }

    private JsonNode parse(byte[] bytes, int expected, String what) throws EOFException {
        if (bytes.length < expected) {
            throw new EOFException("the stream ended after " + bytes.length + " of " + expected + " data bytes");
        }
        return parse(bytes, what);
    }

    private JsonNode parse(byte[] bytes, String what) {
        try {
            JsonNode node = json.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw malformed("an empty " + what);
            }
            if (!node.isObject()) {
                throw malformed("the " + what + " is not a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw malformed("the " + what + " is not JSON: "
                    + new String(bytes, 0, Math.min(bytes.length, 60), StandardCharsets.UTF_8));
        }
    }

    private static int length(JsonNode header, String field, int max) {
        JsonNode value = header.get(field);
        if (value == null || value.isNull()) {
            return 0;
        }
        if (!value.isIntegralNumber() || value.asLong() < 0 || value.asLong() > max) {
            throw malformed(field + " " + value + " is not a length of 0.." + max + " bytes");
        }
        return value.asInt();
    }

    private static RejectedException malformed(String message) {
        return new RejectedException(RejectReason.BAD_HANDSHAKE, "malformed Wyoming event: " + message);
    }
}
