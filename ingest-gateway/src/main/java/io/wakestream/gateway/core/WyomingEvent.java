package io.wakestream.gateway.core;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One event of the Wyoming protocol: a type, its data (a JSON object, empty when there is none) and an optional
 * binary payload (audio for {@code audio-chunk}).
 */
public record WyomingEvent(String type, ObjectNode data, byte[] payload) {

    private static final byte[] NONE = new byte[0];

    public WyomingEvent {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("an event needs a type");
        }
        data = data == null ? JsonNodeFactory.instance.objectNode() : data;
        payload = payload == null ? NONE : payload;
    }

    public WyomingEvent(String type, ObjectNode data) {
        this(type, data, null);
    }

    public WyomingEvent(String type) {
        this(type, null, null);
    }

    /** A string field of the data, or null when absent or not a string. */
    public String text(String field) {
        return data.path(field).isString() ? data.path(field).asString() : null;
    }

    /** An integer field of the data. @throws RejectedException (bad handshake) when absent or not an integer */
    public int integer(String field) {
        if (!data.path(field).isIntegralNumber() || !data.path(field).canConvertToInt()) {
            throw new RejectedException(RejectReason.BAD_HANDSHAKE, type + " needs an integer " + field);
        }
        return data.path(field).asInt();
    }
}
