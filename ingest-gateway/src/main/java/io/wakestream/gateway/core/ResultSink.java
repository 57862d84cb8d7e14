package io.wakestream.gateway.core;

import io.wakestream.events.v1.TriggerDecision;
import io.wakestream.events.v1.WakewordDetection;

/** Where one stream's results go: its client's connection. Called from Kafka listener threads. */
public interface ResultSink {

    void detection(WakewordDetection detection);

    void decision(TriggerDecision decision);
}
