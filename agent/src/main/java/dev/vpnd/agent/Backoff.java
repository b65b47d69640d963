package dev.vpnd.agent;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before trying again to reach vpnd or charon: from {@code first}, doubling after
 * each failure up to {@code max}, each wait drawn between half and all of that, so that the agents of
 * many gateways do not all call a vpnd that just came back in the same instant. Not thread-safe.
 */
final class Backoff {
    private final long firstNanos;
    private final long maxNanos;
    private long ceilingNanos;

    Backoff(Duration first, Duration max) {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("a backoff needs 0 < first <= max");
        }
        this.firstNanos = first.toNanos();
        this.maxNanos = max.toNanos();
        this.ceilingNanos = firstNanos;
    }

    /** The wait before the next attempt; the one after is up to twice as long. */
    Duration next() {
        long ceiling = ceilingNanos;
        ceilingNanos = Math.min(maxNanos, ceiling * 2);
        long half = ceiling / 2;
        return Duration.ofNanos(half + ThreadLocalRandom.current().nextLong(ceiling - half + 1));
    }

    /** After a success: the next failure waits {@code first} again. */
    void reset() {
        ceilingNanos = firstNanos;
    }
}
