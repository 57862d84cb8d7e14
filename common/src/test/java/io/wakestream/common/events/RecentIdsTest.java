package io.wakestream.common.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecentIdsTest {

    @Test
    void recentIdsForgetTheOldestBeyondTheirCapacity() {
        RecentIds ids = new RecentIds(2);

        assertThat(ids.add("a")).isTrue();
        assertThat(ids.add("a")).isFalse();
        ids.add("b");
        ids.add("c");

        assertThat(ids.contains("a")).isFalse();
        assertThat(ids.contains("b")).isTrue();
        assertThat(ids.size()).isEqualTo(2);
    }
}
