package io.wakestream.ftm.kafka;

import com.google.protobuf.MessageLite;
import io.wakestream.ftm.core.Stage;

/**
 * One decoded stage result: a {@code WakewordDetection}, {@code KeywordVerification} or {@code Lattice}.
 *
 * @param stage       the stage whose topic it came from
 * @param detectionId the detection it belongs to, never blank
 * @param message     the event itself
 */
public record StageRecord(Stage stage, String detectionId, MessageLite message) {
}
