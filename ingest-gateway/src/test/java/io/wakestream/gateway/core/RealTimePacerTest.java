package io.wakestream.gateway.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RealTimePacerTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aClientWithinTheBurstGoesOnAndOneAheadWaitsUntilRealTimeCatchesUp() {
        AtomicLong now = new AtomicLong(100 * SECOND);
        RealTimePacer pacer = new RealTimePacer(1.0, 2.0, 5 * SECOND, now::get);

        assertThat(pacer.waitNanos(2.0)).isZero();
        assertThat(pacer.waitNanos(3.0)).isEqualTo(SECOND);
        now.addAndGet(SECOND);
        assertThat(pacer.waitNanos(3.0)).isZero();
    }

    @Test
    void aClientTooFarAheadIsRefused() {
        AtomicLong now = new AtomicLong(0);
        RealTimePacer pacer = new RealTimePacer(2.0, 1.0, 5 * SECOND, now::get);

        assertThat(pacer.waitNanos(11.0)).isEqualTo(5 * SECOND);
        assertThatThrownBy(() -> pacer.waitNanos(11.5)).isInstanceOf(RejectedException.class)
                .hasMessage("audio arrives faster than 2.0x real time: 11.5 s sent after 0.0 s");
    }
}
