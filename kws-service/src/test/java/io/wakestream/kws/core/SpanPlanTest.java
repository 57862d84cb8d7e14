package io.wakestream.kws.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wakestream.kws.core.SpanPlan.Span;
import org.junit.jupiter.api.Test;

class SpanPlanTest {

    private final SpanPlan plan = new SpanPlan(50, 5, 25, 5);

    @Test
    void theSpanLengthGrowsWithThePhonesAboveItsMinimum() {
        assertThat(plan.length(2)).isEqualTo(50);
        assertThat(plan.length(5)).isEqualTo(50);
        assertThat(plan.length(8)).isEqualTo(65);
    }

    @Test
    void aClipNoLongerThanASpanIsOneSpan() {
        assertThat(plan.spans(65, 8)).containsExactly(new Span(0, 65));
        assertThat(plan.spans(3, 8)).containsExactly(new Span(0, 3));
        assertThat(plan.spans(0, 8)).containsExactly(new Span(0, 0));
    }

    @Test
    void aLongerClipIsCoveredByHoppingSpansAndOneEndingAtItsEnd() {
        assertThat(plan.spans(77, 8)).containsExactly(new Span(0, 65), new Span(5, 70), new Span(10, 75),
                new Span(12, 77));
    }

    @Test
    void noExtraSpanWhenTheHopsEndExactlyAtTheEnd() {
        assertThat(plan.spans(75, 8)).containsExactly(new Span(0, 65), new Span(5, 70), new Span(10, 75));
        assertThat(plan.spans(66, 8)).containsExactly(new Span(0, 65), new Span(1, 66));
    }

    @Test
    void invalidSettingsAreRefused() {
        assertThatThrownBy(() -> new SpanPlan(0, 5, 25, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SpanPlan(50, 5, 25, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> plan.spans(10, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
