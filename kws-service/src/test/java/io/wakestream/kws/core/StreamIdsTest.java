package io.wakestream.kws.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamIdsTest {

    @Test
    void streamIdsAreCheckedAgainstTheirPattern() {
        assertThat(StreamIds.problem("kitchen-1:mic_0.a")).isEmpty();
        assertThat(StreamIds.problem("")).hasValueSatisfying(p -> assertThat(p).contains("empty"));
        assertThat(StreamIds.problem("a".repeat(129))).hasValueSatisfying(p -> assertThat(p).contains("129"));
        assertThat(StreamIds.problem("a b")).hasValueSatisfying(p -> assertThat(p).contains("only letters"));
    }
}
