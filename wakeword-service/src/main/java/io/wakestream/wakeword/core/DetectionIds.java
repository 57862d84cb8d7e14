package io.wakestream.wakeword.core;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Detection ids derive from (stream id, end sample), so a replayed stream yields the same ids. */
public final class DetectionIds {

    private DetectionIds() {
    }

    public static String of(String streamId, long endSample) {
        byte[] name = (streamId + '\u0000' + endSample).getBytes(StandardCharsets.UTF_8);
        return UUID.nameUUIDFromBytes(name).toString();
    }
}
