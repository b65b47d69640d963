package dev.vpnd.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final Duration FIRST = Duration.ofMillis(100);
    private static final Duration MAX = Duration.ofSeconds(1);

    @Test
    void waitsDoubleUpToTheMaximumEachBetweenHalfAndAllOfItsCeiling() {
        var backoff = new Backoff(FIRST, MAX);
        long[] ceilings = {100, 200, 400, 800, 1_000, 1_000, 1_000};
        for (long ceiling : ceilings) {
            assertThat(backoff.next()).isBetween(Duration.ofMillis(ceiling / 2), Duration.ofMillis(ceiling));
        }
    }

    @Test
    void aSuccessStartsOver() {
        var backoff = new Backoff(FIRST, MAX);
        for (int i = 0; i < 5; i++) {
            backoff.next();
        }
        backoff.reset();
        assertThat(backoff.next()).isBetween(Duration.ofMillis(50), FIRST);
    }

    @Test
    void theBoundsMustMakeSense() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, MAX)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(MAX, FIRST)).isInstanceOf(IllegalArgumentException.class);
    }
}
