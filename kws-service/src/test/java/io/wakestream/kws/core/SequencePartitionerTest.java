package io.wakestream.kws.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Java twin of training/wakestream_training/kws/dsp.py: the same partitions, and optimal ones. */
class SequencePartitionerTest {

    @Test
    void everyFixtureCaseGivesThePythonReferencesBoundsAndScore() throws IOException {
        JsonNode fixture;
        try (InputStream in = getClass().getResourceAsStream("dsp-fixture.json")) {
            fixture = JsonMapper.builder().build().readTree(in);
        }
        JsonNode cases = fixture.get("cases");
        assertThat(cases.size()).isGreaterThanOrEqualTo(10);
        for (JsonNode testCase : cases) {
            double[][] similarity = matrix(testCase.get("similarity"));
            Partition partition = SequencePartitioner.partition(similarity);

            JsonNode bounds = testCase.get("bounds");
            assertThat(partition.units()).isEqualTo(bounds.size());
            for (int k = 0; k < bounds.size(); k++) {
                assertThat(new int[] {partition.start(k), partition.end(k)})
                        .as("case of %d x %d, unit %d", similarity.length, similarity[0].length, k)
                        .containsExactly(bounds.get(k).get(0).asInt(), bounds.get(k).get(1).asInt());
            }
            assertThat(partition.score()).isCloseTo(testCase.get("score").asDouble(), within(1e-9));
        }
    }

    /** Every monotonic partition of every matrix up to 8 frames is enumerated: none beats DSP's. */
    @Test
    void theBestPartitionOfAllSmallSizesIsOptimal() {
        Random random = new Random(7);
        for (int frames = 1; frames <= 8; frames++) {
            for (int units = 1; units <= frames; units++) {
                for (int trial = 0; trial < 20; trial++) {
                    double[][] s = new double[frames][units];
                    for (double[] row : s) {
                        for (int k = 0; k < units; k++) {
                            // coarse values make ties common, which the brute force must also survive
                            row[k] = trial % 2 == 0 ? random.nextGaussian() : random.nextInt(3) - 1;
                        }
                    }
                    Partition dsp = SequencePartitioner.partition(s);
                    assertThat(dsp.frames()).isEqualTo(frames);
                    assertThat(dsp.score()).isCloseTo(sum(s, dsp), within(1e-9));
                    double best = Double.NEGATIVE_INFINITY;
                    for (int[] starts : allStarts(frames, units)) {
                        best = Math.max(best, sum(s, starts, frames));
                    }
                    assertThat(dsp.score()).as("T=%d K=%d trial %d", frames, units, trial).isCloseTo(best, within(1e-9));
                }
            }
        }
    }

    /**
     * Equal scores stay (the reference gives the same bounds): a unit is entered as soon as it can be (staying
     * there is -inf before), then a frame whose advance only ties with staying stays.
     */
    @Test
    void tiesStayInTheCurrentUnit() {
        Partition flat = SequencePartitioner.partition(new double[5][3]);
        Partition tie = SequencePartitioner.partition(new double[][] {{1, 0}, {0, 0}, {0, 0}, {0, 1}});

        assertThat(flat.starts()).containsExactly(0, 1, 2);
        assertThat(flat.ends()).containsExactly(1, 2, 5);
        assertThat(flat.score()).isZero();
        assertThat(tie.starts()).containsExactly(0, 1);
        assertThat(tie.score()).isEqualTo(2.0);
    }

    @Test
    void theFloatFormAgreesWithTheDoubleForm() {
        float[] flat = {0.9f, 0.1f, 0.8f, 0.2f, 0.1f, 0.9f, 0.3f, 0.7f};
        double[][] rows = new double[4][2];
        for (int i = 0; i < flat.length; i++) {
            rows[i / 2][i % 2] = flat[i];
        }

        Partition fromFloats = SequencePartitioner.partition(flat, 4, 2);

        assertThat(fromFloats).isEqualTo(SequencePartitioner.partition(rows));
        assertThat(fromFloats.starts()).containsExactly(0, 2);
    }

    @Test
    void theUniformPartitionCutsAtFloorOfKTOverK() {
        Partition uniform = SequencePartitioner.uniform(10, 3);

        assertThat(uniform.starts()).containsExactly(0, 3, 6);
        assertThat(uniform.ends()).containsExactly(3, 6, 10);
    }

    @Test
    void invalidMatricesAreRefusedSayingWhy() {
        assertThatThrownBy(() -> SequencePartitioner.partition(new double[2][3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("T=2, K=3");
        assertThatThrownBy(() -> SequencePartitioner.partition(new double[4][0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("K=0");
        assertThatThrownBy(() -> SequencePartitioner.partition(new double[0][]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("K=0");
        assertThatThrownBy(() -> SequencePartitioner.partition(new double[][] {{1, 2}, {3}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1 has 1");
        assertThatThrownBy(() -> SequencePartitioner.partition(new float[5], 2, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 x 3");
        assertThatThrownBy(() -> SequencePartitioner.partition(null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static double sum(double[][] s, Partition partition) {
        return sum(s, partition.starts(), partition.frames());
    }

    private static double sum(double[][] s, int[] starts, int frames) {
        double total = 0;
        for (int k = 0; k < starts.length; k++) {
            int end = k + 1 < starts.length ? starts[k + 1] : frames;
            for (int t = starts[k]; t < end; t++) {
                total += s[t][k];
            }
        }
        return total;
    }

    /** Every strictly increasing start list beginning at 0 with {@code units} entries below {@code frames}. */
    private static List<int[]> allStarts(int frames, int units) {
        List<int[]> all = new ArrayList<>();
        extend(new int[units], 1, frames, all);
        return all;
    }

    private static void extend(int[] starts, int unit, int frames, List<int[]> all) {
        if (unit == starts.length) {
            all.add(starts.clone());
            return;
        }
        for (int start = starts[unit - 1] + 1; start <= frames - (starts.length - unit); start++) {
            starts[unit] = start;
            extend(starts, unit + 1, frames, all);
        }
    }

    private static double[][] matrix(JsonNode rows) {
        double[][] m = new double[rows.size()][];
        for (int t = 0; t < rows.size(); t++) {
            m[t] = new double[rows.get(t).size()];
            for (int k = 0; k < m[t].length; k++) {
                m[t][k] = rows.get(t).get(k).asDouble();
            }
        }
        return m;
    }
}
