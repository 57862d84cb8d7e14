package io.wakestream.common.phonetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * CtcGreedyDecoder and CtcAlignment on the golden fixture's log-posteriors give the toolkit's
 * align.py results exactly: the same phones and frames, and scores equal up to summation order
 * (numpy sums pairwise, Java in order).
 */
class GoldenDecodingTest {

    private final EncoderGolden golden = EncoderGolden.load();
    private final List<String> phones = PhoneSet.arpabet().phones();

    @Test
    void greedyDecodingEqualsPythons() {
        List<PhoneSegment> segments = new CtcGreedyDecoder(phones, 20).decode(golden.logProbs());

        assertThat(CtcGreedyDecoder.phoneString(segments)).isEqualTo(golden.json.get("greedy").get("phones").asString());
        assertSameSegments(segments, golden.json.get("greedy").get("segments"), 1e-9);
    }

    @Test
    void forcedAlignmentEqualsPythons() {
        JsonNode expected = golden.json.get("alignment");

        CtcAlignment.Result result = new CtcAlignment(phones, 20)
                .align(golden.logProbs(), List.of(expected.get("transcript").asString().split(" ")));

        assertSameSegments(result.segments(), expected.get("segments"), 1e-9);
        assertThat(result.score()).isCloseTo(expected.get("score").asDouble(), within(1e-9));
    }

    static void assertSameSegments(List<PhoneSegment> actual, JsonNode expected, double scoreTolerance) {
        assertThat(actual).hasSize(expected.size());
        for (int i = 0; i < actual.size(); i++) {
            PhoneSegment segment = actual.get(i);
            JsonNode want = expected.get(i);
            assertThat(segment.phone()).as("segment " + i).isEqualTo(want.get("phone").asString());
            assertThat(segment.startFrame()).as("segment " + i + " start").isEqualTo(want.get("start_frame").asInt());
            assertThat(segment.endFrame()).as("segment " + i + " end").isEqualTo(want.get("end_frame").asInt());
            assertThat(segment.startMs()).isEqualTo(want.get("start_ms").asLong());
            assertThat(segment.endMs()).isEqualTo(want.get("end_ms").asLong());
            assertThat(segment.score()).as("segment " + i + " score").isCloseTo(want.get("score").asDouble(), within(scoreTolerance));
        }
    }
}
