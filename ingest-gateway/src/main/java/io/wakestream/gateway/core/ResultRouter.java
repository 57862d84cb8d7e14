package io.wakestream.gateway.core;

import io.wakestream.events.v1.TriggerDecision;
import io.wakestream.events.v1.WakewordDetection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Hands each stream's detections and decisions to the connection streaming it; results of other streams are ignored. */
public final class ResultRouter {

    private final Map<String, ResultSink> sinks = new ConcurrentHashMap<>();

    public void register(String streamId, ResultSink sink) {
        sinks.put(streamId, sink);
    }

    /** Removes the sink if it is still the one registered for the stream. */
    public void unregister(String streamId, ResultSink sink) {
        sinks.remove(streamId, sink);
    }

    /** @return whether a connection of this gateway took it */
    public boolean detection(WakewordDetection detection) {
        ResultSink sink = sinks.get(detection.getStreamId());
        if (sink != null) {
            sink.detection(detection);
        }
        return sink != null;
    }

    /** @return whether a connection of this gateway took it */
    public boolean decision(TriggerDecision decision) {
        ResultSink sink = sinks.get(decision.getStreamId());
        if (sink != null) {
            sink.decision(decision);
        }
        return sink != null;
    }
}
