package io.wakestream.common.events;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last {@code capacity} ids seen, oldest forgotten first: how a consumer recognises a redelivered
 * record. Thread-safe.
 */
public final class RecentIds {

    private final int capacity;
    private final LinkedHashMap<String, Boolean> ids;

    public RecentIds(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.ids = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > RecentIds.this.capacity;
            }
        };
    }

    public synchronized boolean contains(String id) {
        return ids.containsKey(id);
    }

    /** Remembers {@code id}; returns false if it was already remembered. */
    public synchronized boolean add(String id) {
        return ids.put(id, Boolean.TRUE) == null;
    }

    public synchronized int size() {
        return ids.size();
    }

    public int capacity() {
        return capacity;
    }
}
