package io.wakestream.kws.core;

import java.util.Optional;
import java.util.regex.Pattern;

/** Stream ids the enrollment API accepts: 1 to {@value #MAX_LENGTH} characters of A-Z a-z 0-9 . _ : - */
public final class StreamIds {

    public static final int MAX_LENGTH = 128;
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]+");

    private StreamIds() {
    }

    /** What is wrong with {@code streamId}; empty when it is valid. */
    public static Optional<String> problem(String streamId) {
        if (streamId == null || streamId.isEmpty()) {
            return Optional.of("the stream id is empty");
        }
        if (streamId.length() > MAX_LENGTH) {
            return Optional.of("the stream id has " + streamId.length() + " characters, at most " + MAX_LENGTH + " are allowed");
        }
        if (!VALID.matcher(streamId).matches()) {
            return Optional.of("the stream id may hold only letters A-Z and a-z, digits and . _ : -");
        }
        return Optional.empty();
    }
}
