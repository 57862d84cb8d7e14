package io.wakestream.common.enrollment;

import java.time.Instant;
import java.util.List;

/**
 * The phrase enrolled for a stream: what kws-service verifies that stream's detections against.
 *
 * @param streamId  the stream
 * @param phrase    the phrase as enrolled
 * @param phones    its phones at enrollment
 * @param updatedAt when it was enrolled
 */
public record Enrollment(String streamId, String phrase, List<String> phones, Instant updatedAt) {

    public Enrollment {
        phones = List.copyOf(phones);
    }
}
