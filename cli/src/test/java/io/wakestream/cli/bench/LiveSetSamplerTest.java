package io.wakestream.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LiveSetSamplerTest {

    private static final long MIB = 1024 * 1024;

    @Test
    void theLiveSetCountsWhatIsReachableAndNotWhatWasDropped() {
        LiveSetSampler sampler = new LiveSetSampler();
        long before = sampler.sample(0).liveBytes();
        byte[][] held = new byte[64][];
        for (int i = 0; i < held.length; i++) {
            held[i] = new byte[(int) MIB];
        }

        long holding = sampler.sample(1).liveBytes();
        held[0][0] = 1;
        held = null;
        long dropped = sampler.sample(2).liveBytes();

        assertThat(holding - before).isGreaterThanOrEqualTo(60 * MIB);
        assertThat(holding - dropped).isGreaterThanOrEqualTo(60 * MIB);
        assertThat(sampler.points()).extracting(LiveSetSampler.Point::seconds).containsExactly(0.0, 1.0, 2.0);
        assertThat(sampler.points()).allSatisfy(point -> assertThat(point.pauseMs()).isPositive());
    }
}
