package io.wakestream.ftm.core;

import io.wakestream.events.v1.Lattice;
import io.wakestream.events.v1.LatticeArc;
import io.wakestream.events.v1.WakewordDetection;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lattices of gnn-fixture.json and gnn-fixture-attention.json (written by src/test/python/make_tiny_gnn.py) with
 * the score the PyTorch model of each variant gave each, and the tiny test models' directory.
 */
final class GnnFixtures {

    static final Path MODELS = Path.of("src/test/resources/models");
    static final String TINY = "0.0.0-tiny";

    record Case(String name, Lattice lattice, WakewordDetection detection, double pAddressed) {
    }

    private GnnFixtures() {
    }

    /** The GCN test model's fixture. */
    static List<Case> cases() {
        return cases("gnn-fixture.json");
    }

    static List<Case> cases(String fixture) {
        try (InputStream in = GnnFixtures.class.getResourceAsStream(fixture)) {
            JsonNode root = JsonMapper.builder().build().readTree(in);
            List<Case> cases = new ArrayList<>();
            for (JsonNode node : root) {
                JsonNode lattice = node.get("lattice");
                Lattice.Builder builder = Lattice.newBuilder().setDetectionId("d-" + node.get("name").asString())
                        .setNodes(lattice.get("nodes").asInt()).setFrameMs(lattice.get("frame_ms").asInt());
                for (JsonNode arc : lattice.get("arcs")) {
                    builder.addArcs(LatticeArc.newBuilder().setFrom(arc.get("from").asInt()).setTo(arc.get("to").asInt())
                            .setWord(arc.get("word").asString()).setStartFrame(arc.get("start_frame").asInt())
                            .setEndFrame(arc.get("end_frame").asInt()).setAmCost((float) arc.get("am_cost").asDouble())
                            .setLmCost((float) arc.get("lm_cost").asDouble()).setPosterior((float) arc.get("posterior").asDouble()));
                }
                JsonNode detection = node.get("detection");
                cases.add(new Case(node.get("name").asString(), builder.build(), detection("d-" + node.get("name").asString(),
                        detection.get("keyword").asString(), 0.9f, detection.get("start_sample").asLong(),
                        detection.get("end_sample").asLong()), node.get("p_addressed").asDouble()));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static WakewordDetection detection(String id, String keyword, float score, long start, long end) {
        return WakewordDetection.newBuilder().setDetectionId(id).setStreamId("s").setKeyword(keyword).setScore(score)
                .setStartSample(start).setEndSample(end).setModel("wakeword-hey-jarvis/3.0.0").build();
    }
}
