package dev.vpnd.agent.health;

import dev.vpnd.core.dataplane.Health;
import java.util.Objects;

/**
 * Where one tunnel's health check stands: its verdict and how many probes in a row went unanswered.
 * An answered probe makes it {@link Health#UP} at once; {@code retries} unanswered ones in a row make
 * it {@link Health#DOWN} (Alibaba's {@code Retry}, Tencent's {@code ProbeThreshold}: "failures in a row
 * mark the tunnel down"); fewer leave the verdict as it was, {@link Health#UNKNOWN} before the first.
 */
public record HealthCount(Health verdict, int failures) {
    /** A check no probe has been counted for yet. */
    public static final HealthCount FIRST = new HealthCount(Health.UNKNOWN, 0);

    public HealthCount {
        Objects.requireNonNull(verdict, "verdict");
    }

    /** After one more probe, {@code answered} or not, with {@code retries} (at least 1) failures to go down. */
    public HealthCount after(boolean answered, int retries) {
        if (answered) {
            return new HealthCount(Health.UP, 0);
        }
        int limit = Math.max(1, retries);
        int inARow = Math.min(failures + 1, limit);
        return new HealthCount(inARow >= limit ? Health.DOWN : verdict, inARow);
    }
}
