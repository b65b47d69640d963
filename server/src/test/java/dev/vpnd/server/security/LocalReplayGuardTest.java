package dev.vpnd.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LocalReplayGuardTest {
    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final Duration BUCKET = WINDOW.dividedBy(LocalReplayGuard.BUCKETS_PER_WINDOW);
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:17.250Z");

    private final LocalReplayGuard guard = new LocalReplayGuard(WINDOW);

    @Test
    void aNonceIsAcceptedOncePerKey() {
        assertThat(guard.firstUse("key-1", "n-1", T0)).isTrue();
        assertThat(guard.firstUse("key-1", "n-1", T0.plusSeconds(1))).isFalse();
        assertThat(guard.firstUse("key-2", "n-1", T0.plusSeconds(1))).isTrue();
        assertThat(guard.firstUse("key-1", "n-2", T0.plusSeconds(1))).isTrue();
        // The key id and the nonce are hashed apart: moving text from one to the other is another pair.
        assertThat(guard.firstUse("key-1n", "-1", T0.plusSeconds(1))).isTrue();
    }

    @Test
    void aRepeatLearnsWhenTheFirstUseWas() {
        assertThat(guard.earlierUse("key", "n", T0)).isEmpty();
        assertThat(guard.earlierUse("key", "n", T0.plusSeconds(3))).contains(T0);
        // Into another bucket, and a request timed before the first: still the first use's time.
        assertThat(guard.earlierUse("key", "n", T0.plus(BUCKET).plusSeconds(1))).contains(T0);
        assertThat(guard.earlierUse("key", "n", T0.minusSeconds(2))).contains(T0);
    }

    /** Kept two windows from its first use (timestamps are accepted a window either side), at most a bucket more. */
    @Test
    void aNonceExpiresTwoWindowsAfterItsFirstUse() {
        assertThat(guard.firstUse("key", "n", T0)).isTrue();
        Duration twoWindows = WINDOW.multipliedBy(2);
        assertThat(guard.firstUse("key", "n", T0.plus(WINDOW))).isFalse();
        assertThat(guard.firstUse("key", "n", T0.plus(twoWindows).minusMillis(1))).isFalse();
        assertThat(guard.firstUse("key", "n", T0.plus(twoWindows).plus(BUCKET))).isTrue();
        assertThat(guard.firstUse("key", "n", T0.plus(twoWindows).plus(BUCKET))).isFalse();
    }

    @Test
    void aRequestTimedBeforeTheNewestOneIsStillChecked() {
        assertThat(guard.firstUse("key", "late", T0.plus(WINDOW))).isTrue();
        assertThat(guard.firstUse("key", "other", T0.plus(WINDOW).plus(WINDOW))).isTrue();
        assertThat(guard.firstUse("key", "late", T0.plus(WINDOW).minusSeconds(1))).isFalse();
    }

    @Test
    void memoryFollowsTheRateAndTheWindowNotTheTimeRun() {
        var small = new LocalReplayGuard(Duration.ofMinutes(2), Duration.ofMinutes(1), 42);
        int perSecond = 40;
        // Two windows and the bucket being filled: the most that can be held.
        long bound = perSecond * 60L * (4 + 1);
        var heldByMinute = new ArrayList<Long>();
        Instant now = T0;
        for (int minute = 0; minute < 60; minute++) {
            for (int second = 0; second < 60; second++) {
                for (int i = 0; i < perSecond; i++) {
                    assertThat(small.firstUse("key", UUID.randomUUID().toString(), now)).isTrue();
                }
                now = now.plusSeconds(1);
            }
            heldByMinute.add(small.held());
            assertThat(small.held()).isLessThanOrEqualTo(bound);
        }
        // After the first two windows the amount held no longer grows: whole sets go as new ones come.
        assertThat(heldByMinute.get(59)).isEqualTo(heldByMinute.get(10));
    }

    @Test
    void concurrentUsesOfOneNonceAcceptExactlyOne() throws Exception {
        int nonces = 5_000;
        var accepted = new AtomicInteger();
        try (var pool = Executors.newFixedThreadPool(4)) {
            var tasks = new ArrayList<Callable<Void>>();
            for (int t = 0; t < 4; t++) {
                tasks.add(() -> {
                    for (int i = 0; i < nonces; i++) {
                        if (guard.firstUse("key", "nonce-" + i, T0)) {
                            accepted.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(tasks)) {
                done.get();
            }
        }
        assertThat(accepted.get()).isEqualTo(nonces);
    }
}
