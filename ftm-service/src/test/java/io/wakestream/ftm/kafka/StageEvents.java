package io.wakestream.ftm.kafka;

import io.wakestream.events.v1.KeywordVerification;
import io.wakestream.events.v1.Lattice;
import io.wakestream.events.v1.LatticeArc;
import io.wakestream.events.v1.WakewordDetection;

/** Hand-made stage results for one detection of "hey jarvis", with a request "set a timer" in its lattice. */
final class StageEvents {

    private StageEvents() {
    }

    static WakewordDetection detection(String id, String streamId) {
        return WakewordDetection.newBuilder()
                .setDetectionId(id)
                .setStreamId(streamId)
                .setKeyword("hey jarvis")
                .setModel("wakeword-hey-jarvis/3.0.0")
                .setScore(0.9f)
                .setStartSample(16_000)
                .setEndSample(28_800)
                .build();
    }

    static KeywordVerification verification(String id, float score) {
        return KeywordVerification.newBuilder()
                .setDetectionId(id)
                .setPhrase("hey jarvis")
                .addPhonemes("HH").addPhonemes("EY").addPhonemes("JH").addPhonemes("AA").addPhonemes("R")
                .addPhonemes("V").addPhonemes("IH").addPhonemes("S")
                .setScore(score)
                .setAccepted(score >= 0.5f)
                .setModel("kws-verifier/0.0.0-tiny")
                .build();
    }

    /**
     * Nodes 0..7 (7 final): "hey" "jarvis" "set" "a" "timer" "</s>" on one path, with a competing "jar" "vis"
     * through node 2 for "jarvis"; 20 ms frames, the trigger ending at frame 40.
     */
    static Lattice lattice(String id) {
        return Lattice.newBuilder()
                .setDetectionId(id)
                .setNodes(8)
                .setFrameMs(20)
                .setOneBest("hey jarvis set a timer")
                .setModel("asr-lattice/0.0.0-test")
                .setDecodedSamples(48_000)
                .addArcs(arc(0, 1, "hey", 0, 15, 0.95f))
                .addArcs(arc(1, 3, "jarvis", 15, 40, 0.8f))
                .addArcs(arc(1, 2, "jar", 15, 28, 0.2f))
                .addArcs(arc(2, 3, "vis", 28, 40, 0.2f))
                .addArcs(arc(3, 4, "set", 45, 60, 0.9f))
                .addArcs(arc(4, 5, "a", 60, 66, 0.85f))
                .addArcs(arc(5, 6, "timer", 66, 95, 0.9f))
                .addArcs(arc(6, 7, "</s>", 95, 100, 1.0f))
                .build();
    }

    private static LatticeArc arc(int from, int to, String word, int start, int end, float posterior) {
        return LatticeArc.newBuilder().setFrom(from).setTo(to).setWord(word).setStartFrame(start).setEndFrame(end)
                .setAmCost(2.5f * (end - start)).setLmCost(1.2f).setPosterior(posterior).build();
    }
}
