package dev.vpnd.agent.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.core.dataplane.Health;
import org.junit.jupiter.api.Test;

/** How probes add up to a verdict: unknown until the first, up on an answer, down after retries in a row. */
class HealthCountTest {
    private static HealthCount after(HealthCount count, int retries, boolean... probes) {
        HealthCount out = count;
        for (boolean answered : probes) {
            out = out.after(answered, retries);
        }
        return out;
    }

    @Test
    void unknownUntilTheFirstVerdict() {
        assertThat(HealthCount.FIRST.verdict()).isEqualTo(Health.UNKNOWN);
        assertThat(after(HealthCount.FIRST, 3, false, false).verdict()).as("two of three").isEqualTo(Health.UNKNOWN);
        assertThat(after(HealthCount.FIRST, 3, false, false, false).verdict()).isEqualTo(Health.DOWN);
        assertThat(after(HealthCount.FIRST, 3, false, false, true).verdict()).isEqualTo(Health.UP);
    }

    @Test
    void downOnlyAfterRetriesFailuresInARow() {
        HealthCount up = after(HealthCount.FIRST, 3, true);
        assertThat(up).isEqualTo(new HealthCount(Health.UP, 0));
        assertThat(after(up, 3, false, false).verdict()).isEqualTo(Health.UP);
        assertThat(after(up, 3, false, false, true, false, false).verdict()).as("an answer starts the count over")
                .isEqualTo(Health.UP);
        assertThat(after(up, 3, false, false, false).verdict()).isEqualTo(Health.DOWN);
        assertThat(after(up, 8, false, false, false, false, false, false, false).verdict()).isEqualTo(Health.UP);
        assertThat(after(up, 8, false, false, false, false, false, false, false, false).verdict())
                .isEqualTo(Health.DOWN);
    }

    @Test
    void oneAnswerBringsItBackAndTheCountStaysBounded() {
        HealthCount down = after(HealthCount.FIRST, 3, new boolean[1_000]);
        assertThat(down).isEqualTo(new HealthCount(Health.DOWN, 3));
        assertThat(down.after(true, 3).verdict()).isEqualTo(Health.UP);
        assertThat(after(HealthCount.FIRST, 0, false).verdict()).as("no retries: the first failure").isEqualTo(
                Health.DOWN);
    }
}
