package io.wakestream.gateway.core;

import java.util.regex.Pattern;

/** Stream ids as the pipeline accepts them (the same rule as kws-service's enrollment API). */
public final class StreamIds {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private StreamIds() {
    }

    /** @throws RejectedException (bad handshake) naming the rule when {@code streamId} breaks it */
    public static String require(String streamId) {
        if (streamId == null || !VALID.matcher(streamId).matches()) {
            throw new RejectedException(RejectReason.BAD_HANDSHAKE, "stream_id " + (streamId == null ? "is missing"
                    : "'" + abbreviate(streamId) + "' is not 1-128 characters of A-Z a-z 0-9 . _ : -"));
        }
        return streamId;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
