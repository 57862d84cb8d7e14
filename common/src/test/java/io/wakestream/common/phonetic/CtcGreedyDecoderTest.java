package io.wakestream.common.phonetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Greedy CTC decoding on hand-made posteriors; the same cases as the toolkit's test_phonetic_align.py. */
class CtcGreedyDecoderTest {

    static final List<String> PHONES = PhoneSet.arpabet().phones();
    static final int HH = PHONES.indexOf("HH");
    static final int EY = PHONES.indexOf("EY");
    static final int JH = PHONES.indexOf("JH");
    static final int AA = PHONES.indexOf("AA");

    private final CtcGreedyDecoder decoder = new CtcGreedyDecoder(PHONES, 20);

    /** log-posteriors [best.length][V]: output t puts {@code confidence} on best[t], the rest spread evenly. */
    static float[][] posteriors(double confidence, int... best) {
        float[][] rows = new float[best.length][PHONES.size()];
        for (int t = 0; t < best.length; t++) {
            Arrays.fill(rows[t], (float) Math.log((1 - confidence) / (PHONES.size() - 1)));
            rows[t][best[t]] = (float) Math.log(confidence);
        }
        return rows;
    }

    @Test
    void collapsesRepeatsAndDropsBlanks() {
        List<PhoneSegment> segments = decoder.decode(posteriors(0.9, 0, HH, HH, 0, EY, EY, EY, 0, 0, EY, JH));

        assertThat(segments).extracting(PhoneSegment::index, PhoneSegment::startFrame, PhoneSegment::endFrame)
                .containsExactly(tuple(HH, 1, 3), tuple(EY, 4, 7), tuple(EY, 9, 10), tuple(JH, 10, 11));
        assertThat(CtcGreedyDecoder.phoneString(segments)).isEqualTo("HH EY EY JH");
        assertThat(segments.getFirst().startMs()).isEqualTo(20);
        assertThat(segments.getFirst().endMs()).isEqualTo(60);
        assertThat(segments.getFirst().score()).isCloseTo(Math.log(0.9), within(1e-6));
    }

    @Test
    void blanksOnlyOrNoOutputsDecodeToNothing() {
        assertThat(decoder.decode(posteriors(0.9, 0, 0, 0))).isEmpty();
        assertThat(decoder.decode(new float[0][])).isEmpty();
    }

    @Test
    void tiesGoToTheLowerIndex() {
        float[][] row = posteriors(0.4, AA);
        row[0][HH] = row[0][AA];

        assertThat(decoder.decode(row)).extracting(PhoneSegment::phone).containsExactly("AA");
    }

    @Test
    void rowsOfTheWrongWidthAreRefused() {
        assertThatThrownBy(() -> decoder.decode(new float[][] {new float[3]}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected 40");
    }
}
