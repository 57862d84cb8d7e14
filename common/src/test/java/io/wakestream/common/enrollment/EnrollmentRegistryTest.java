package io.wakestream.common.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnrollmentRegistryTest {

    private final EnrollmentRegistry registry = new EnrollmentRegistry();

    @Test
    void theLatestOffsetWinsWhicheverOrderChangesArrive() {
        Enrollment first = enrollment("s1", "hey jarvis");
        Enrollment second = enrollment("s1", "ok computer");

        assertThat(registry.apply("s1", second, 7)).isTrue();
        assertThat(registry.apply("s1", first, 3)).isFalse();
        assertThat(registry.apply("s1", second, 7)).isTrue();

        assertThat(registry.get("s1")).contains(second);
        assertThat(registry.size()).isEqualTo(1);
    }

    @Test
    void aRemovalIsNotUndoneByAnOlderEnrollmentUntilTheReaderPassesIt() {
        registry.apply("s1", enrollment("s1", "hey jarvis"), 1);
        registry.apply("s1", null, 5);

        assertThat(registry.apply("s1", enrollment("s1", "hey jarvis"), 1)).isFalse();
        assertThat(registry.get("s1")).isEmpty();
        assertThat(registry.size()).isZero();

        registry.compact("s1", 5);
        registry.apply("s1", enrollment("s1", "computer"), 9);
        assertThat(registry.get("s1").orElseThrow().phrase()).isEqualTo("computer");
        assertThat(registry.size()).isEqualTo(1);
    }

    private static Enrollment enrollment(String stream, String phrase) {
        return new Enrollment(stream, phrase, List.of("K"), Instant.EPOCH);
    }
}
