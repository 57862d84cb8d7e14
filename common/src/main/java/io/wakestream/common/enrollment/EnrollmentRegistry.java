package io.wakestream.common.enrollment;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The phrase enrolled for each stream, as the compacted enrollment topic holds it. Every change carries the
 * topic offset it was stored at (a stream's records all go to one partition, so its offsets order them): a
 * change older than the one applied is ignored, so the instance that stored a change can apply it at once
 * and then meet it again, or an older one, while it reads the topic, without going back. Thread-safe.
 */
public final class EnrollmentRegistry {

    // A removal is kept as an entry without enrollment until the reader passes its offset.
    private record Entry(Enrollment enrollment, long offset) {
    }

    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicInteger enrolled = new AtomicInteger();

    /**
     * Applies the record stored at {@code offset} for {@code streamId}: an enrollment, or its removal when null.
     *
     * @return whether it changed the registry (false when a later change was already applied)
     */
    public boolean apply(String streamId, Enrollment enrollment, long offset) {
        boolean[] applied = {false};
        entries.compute(streamId, (id, current) -> {
            if (current != null && current.offset() > offset) {
                return current;
            }
            applied[0] = true;
            int delta = (enrollment != null ? 1 : 0) - (current != null && current.enrollment() != null ? 1 : 0);
            enrolled.addAndGet(delta);
            return new Entry(enrollment, offset);
        });
        return applied[0];
    }

    /**
     * Drops the markers of removals that the topic reader has passed; called by it with the offset it read.
     */
    public void compact(String streamId, long readOffset) {
        entries.computeIfPresent(streamId, (id, current) ->
                current.enrollment() == null && current.offset() <= readOffset ? null : current);
    }

    public Optional<Enrollment> get(String streamId) {
        Entry entry = entries.get(streamId);
        return entry == null ? Optional.empty() : Optional.ofNullable(entry.enrollment());
    }

    /** Streams with an enrolled phrase. */
    public int size() {
        return enrolled.get();
    }
}
