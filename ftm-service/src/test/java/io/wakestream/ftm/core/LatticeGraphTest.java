package io.wakestream.ftm.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.wakestream.events.v1.Lattice;
import io.wakestream.events.v1.LatticeArc;
import io.wakestream.events.v1.WakewordDetection;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LatticeGraphTest {

    private static final int F = LatticeGraph.FEATURES.size();
    private static final WakewordDetection DETECTION = GnnFixtures.detection("d", "hey jarvis", 0.9f, 16_000, 16_000 + 16_000);

    @Test
    void arcsBecomeNodesLinkedWhereOneEndsAndTheNextStarts() {
        Lattice lattice = lattice(arc(0, 1, "hey", 0, 10, 1.0f), arc(1, 2, "jarvis", 10, 50, 1.0f), arc(2, 3, "</s>", 50, 55, 1.0f));
        LatticeGraph graph = LatticeGraph.of(lattice, DETECTION, Map.of("hey", 2, "</s>", 3), 4);
        assertThat(graph.wordIds()).containsExactly(2f, 1f, 3f, 0f);
        assertThat(graph.mask()).containsExactly(1f, 1f, 1f, 0f);
        assertThat(graph.adjacency()[1]).isEqualTo(1f);          // hey → jarvis
        assertThat(graph.adjacency()[4 + 2]).isEqualTo(1f);      // jarvis → </s>
        assertThat(graph.adjacency()[4]).isZero();               // jarvis ↛ hey
        // jarvis: frames 10..50 of 20 ms = 0.2..1.0 s into the segment; the trigger ends 1.0 s in
        assertThat(graph.features()[F]).isCloseTo(-0.8f, within(1e-6f));
        assertThat(graph.features()[F + 1]).isCloseTo(0f, within(1e-6f));
        assertThat(graph.features()[F + 9]).isEqualTo(1f);        // in the keyword
        assertThat(graph.features()[2 * F + 8]).isEqualTo(1f);    // </s> enters the final node
        assertThat(graph.features()[7]).isEqualTo(1f);            // hey leaves the start node
    }

    @Test
    void aLargerLatticeKeepsItsArcsOfHighestPosteriorInLatticeOrder() {
        Lattice lattice = lattice(arc(0, 1, "a", 0, 5, 0.1f), arc(0, 1, "b", 0, 5, 0.6f), arc(0, 1, "c", 0, 5, 0.3f),
                arc(1, 2, "</s>", 5, 6, 1.0f));
        LatticeGraph graph = LatticeGraph.of(lattice, DETECTION, Map.of("a", 2, "b", 3, "c", 4, "</s>", 5), 3);
        assertThat(graph.wordIds()).containsExactly(3f, 4f, 5f);
        assertThat(graph.arcs()).isEqualTo(3);
        assertThat(graph.pruned()).isEqualTo(1);
    }

    @Test
    void anEmptyLatticeIsAllPadding() {
        LatticeGraph graph = LatticeGraph.of(Lattice.newBuilder().setDetectionId("d").build(), DETECTION, Map.of(), 2);
        assertThat(graph.mask()).containsExactly(0f, 0f);
        assertThat(graph.arcs()).isZero();
    }

    private static Lattice lattice(LatticeArc... arcs) {
        int nodes = 0;
        for (LatticeArc arc : arcs) {
            nodes = Math.max(nodes, arc.getTo() + 1);
        }
        return Lattice.newBuilder().setDetectionId("d").setNodes(nodes).setFrameMs(20).addAllArcs(java.util.List.of(arcs)).build();
    }

    private static LatticeArc arc(int from, int to, String word, int start, int end, float posterior) {
        return LatticeArc.newBuilder().setFrom(from).setTo(to).setWord(word).setStartFrame(start).setEndFrame(end)
                .setAmCost(2f).setLmCost(1f).setPosterior(posterior).build();
    }
}
