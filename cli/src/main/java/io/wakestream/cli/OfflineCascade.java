package io.wakestream.cli;

import io.wakestream.asr.core.Recognition;
import io.wakestream.asr.core.SegmentRecognizer;
import io.wakestream.events.v1.KeywordVerification;
import io.wakestream.events.v1.Lattice;
import io.wakestream.events.v1.WakewordDetection;
import io.wakestream.ftm.core.Decision;
import io.wakestream.ftm.core.StageResults;
import io.wakestream.ftm.core.TriggerDecider;
import io.wakestream.kws.core.KeywordVerifier;
import io.wakestream.kws.kafka.DetectionInput;
import io.wakestream.kws.kafka.VerificationPublisher;
import io.wakestream.wakeword.core.AudioInput;
import io.wakestream.wakeword.core.Detection;
import io.wakestream.wakeword.core.Detector;
import io.wakestream.wakeword.core.Segment;
import io.wakestream.wakeword.core.SessionSettings;
import io.wakestream.wakeword.core.StreamEvent;
import io.wakestream.wakeword.core.WakewordEngine;
import io.wakestream.wakeword.kafka.EventPublisher;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole cascade over one recording without Kafka, with each service's core and the events it would publish:
 * wakeword-service's engine runs the recording as one stream (detections, and each detection's segment: trigger +
 * request until end of speech, the maximum length or the end of the recording), kws-service's verifier checks
 * each detection's trigger audio against its keyword, asr-lattice-service's recognizer decodes each segment into
 * a lattice, and ftm-service's decider decides with all three. Not thread-safe (one engine); the models are shared.
 */
final class OfflineCascade {

    /** One detection and what every stage made of it. */
    record Result(WakewordDetection detection, KeywordVerification verification, Lattice lattice, Decision decision) {
    }

    private static final String STREAM_ID = "offline";

    private final Detector detector;
    private final SessionSettings settings;
    private final KeywordVerifier verifier;
    private final SegmentRecognizer recognizer;
    private final TriggerDecider decider;

    OfflineCascade(Detector detector, SessionSettings settings, KeywordVerifier verifier, SegmentRecognizer recognizer,
                   TriggerDecider decider) {
        this.detector = detector;
        this.settings = settings;
        this.verifier = verifier;
        this.recognizer = recognizer;
        this.decider = decider;
    }

    /** The decisions about a recording of 16 kHz 16-bit samples, in detection order. */
    List<Result> run(short[] pcm) {
        WakewordEngine engine = new WakewordEngine(detector, settings, Clock.systemUTC());
        List<StreamEvent> events = engine.accept(new AudioInput(STREAM_ID, 0, 0, pcm, true)).events();
        Map<String, Detection> detections = new LinkedHashMap<>();
        Map<String, Segment> segments = new LinkedHashMap<>();
        for (StreamEvent event : events) {
            switch (event) {
                case Detection detection -> detections.put(detection.detectionId(), detection);
                case Segment segment -> segments.put(segment.detectionId(), segment);
            }
        }
        List<Result> results = new ArrayList<>(detections.size());
        for (Detection detection : detections.values()) {
            WakewordDetection detected = EventPublisher.toProto(detection);
            byte[] trigger = detected.getTriggerPcm().toByteArray();
            KeywordVerification verification = VerificationPublisher.toProto(
                    new DetectionInput(detection.detectionId(), STREAM_ID, detection.keyword(), trigger),
                    verifier.verify(trigger, detection.keyword()));
            Segment segment = segments.get(detection.detectionId());
            Recognition recognition = recognizer.recognizePcm16(EventPublisher.toProto(segment).getPcm().toByteArray());
            Lattice lattice = recognition.toProto(detection.detectionId());
            Decision decision = decider.decide(new StageResults(detected, verification, lattice));
            results.add(new Result(detected.toBuilder().clearTriggerPcm().build(), verification, lattice, decision));
        }
        return results;
    }
}
