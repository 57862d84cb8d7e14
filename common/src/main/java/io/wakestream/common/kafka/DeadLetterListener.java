package io.wakestream.common.kafka;

/** Told of every record sent to a dead-letter topic, e.g. to count it. */
@FunctionalInterface
public interface DeadLetterListener {

    void deadLettered(String sourceTopic, String reason);
}
