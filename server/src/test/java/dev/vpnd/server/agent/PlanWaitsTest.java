package dev.vpnd.server.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.core.dataplane.AgentToken;
import dev.vpnd.core.dataplane.GatewayRef;
import dev.vpnd.core.model.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Plan waits over revisions the test moves, as another node's commits would. */
class PlanWaitsTest {
    private static final Scope SCOPE = new Scope("account", "region");
    private static final ExecutorService THREADS = Executors.newVirtualThreadPerTaskExecutor();

    /** Revisions held in memory; {@code reads} counts the checker's and waiters' reads of gateways. */
    private static final class Counter implements PlanWaits.Revisions {
        final AtomicLong latest = new AtomicLong(1);
        final Map<String, Long> byGateway = new ConcurrentHashMap<>();
        final AtomicInteger reads = new AtomicInteger();

        void change(String gatewayId) {
            byGateway.put(gatewayId, latest.incrementAndGet());
        }

        @Override
        public long latest() {
            return latest.get();
        }

        @Override
        public Map<String, Long> of(Collection<String> gatewayIds) {
            reads.incrementAndGet();
            var out = new HashMap<String, Long>();
            gatewayIds.forEach(g -> {
                if (byGateway.containsKey(g)) {
                    out.put(g, byGateway.get(g));
                }
            });
            return out;
        }
    }

    private final Counter revisions = new Counter();
    private PlanWaits waits = new PlanWaits(revisions, new PlanWaits.Limits(3, 2, Duration.ofMillis(100)));

    @AfterEach
    void close() {
        waits.close();
    }

    private static AgentToken token(String id, String... gateways) {
        return new AgentToken(id, "00", List.of(gateways).stream().map(g -> new GatewayRef(SCOPE, g)).toList(),
                Instant.EPOCH);
    }

    private CompletableFuture<PlanWaits.Outcome> waitFor(AgentToken token, long after, Duration wait) {
        // A thread each: the common pool may run one task at a time on a small machine.
        return CompletableFuture.supplyAsync(() -> {
            try {
                return waits.await(token, after, wait);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, THREADS);
    }

    private void awaitWaiting(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (waits.waiting() != n && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(waits.waiting()).isEqualTo(n);
    }

    @Test
    void aRevisionAlreadyPastAnswersAtOnce() throws Exception {
        revisions.change("gw-1");
        assertThat(waits.await(token("t", "gw-1"), 1, Duration.ofSeconds(10))).isEqualTo(PlanWaits.Outcome.CHANGED);
        assertThat(waits.await(token("t", "gw-1"), 2, Duration.ZERO)).isEqualTo(PlanWaits.Outcome.TIMED_OUT);
    }

    @Test
    void aPokeWakesTheWaitersOfTheGatewayThatMovedAndNoOther() throws Exception {
        waits.close();
        waits = new PlanWaits(revisions, new PlanWaits.Limits(3, 2, Duration.ofSeconds(30)));
        var mine = waitFor(token("a", "gw-1", "gw-2"), 1, Duration.ofSeconds(10));
        var theirs = waitFor(token("b", "gw-3"), 1, Duration.ofSeconds(2));
        awaitWaiting(2);
        long start = System.nanoTime();
        revisions.change("gw-2");
        waits.poke();
        assertThat(mine.get(5, TimeUnit.SECONDS)).isEqualTo(PlanWaits.Outcome.CHANGED);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("long before the next periodic look")
                .isLessThan(Duration.ofSeconds(1));
        assertThat(theirs.get(5, TimeUnit.SECONDS)).isEqualTo(PlanWaits.Outcome.TIMED_OUT);
    }

    @Test
    void aChangeNobodyPokedAboutIsSeenAtTheNextPeriodicLook() throws Exception {
        var waiting = waitFor(token("a", "gw-1"), 1, Duration.ofSeconds(10));
        awaitWaiting(1);
        revisions.change("gw-1");
        assertThat(waiting.get(2, TimeUnit.SECONDS)).isEqualTo(PlanWaits.Outcome.CHANGED);
    }

    @Test
    void theCheckerReadsGatewaysOnlyWhenTheCounterMoved() throws Exception {
        var waiting = waitFor(token("a", "gw-1"), 1, Duration.ofSeconds(2));
        awaitWaiting(1);
        Thread.sleep(250);
        int afterFirstLook = revisions.reads.get();
        Thread.sleep(500);
        assertThat(revisions.reads.get()).as("nothing moved, nothing read").isEqualTo(afterFirstLook);
        revisions.latest.incrementAndGet();
        Thread.sleep(300);
        assertThat(revisions.reads.get()).isGreaterThan(afterFirstLook);
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo(PlanWaits.Outcome.TIMED_OUT);
    }

    @Test
    void waitsAreBoundedPerTokenAndPerNode() throws Exception {
        var first = waitFor(token("a", "gw-1"), 1, Duration.ofSeconds(10));
        var second = waitFor(token("a", "gw-1"), 1, Duration.ofSeconds(10));
        awaitWaiting(2);
        assertThat(waits.await(token("a", "gw-1"), 1, Duration.ofSeconds(10))).isEqualTo(PlanWaits.Outcome.BUSY);
        var third = waitFor(token("b", "gw-2"), 1, Duration.ofSeconds(10));
        awaitWaiting(3);
        assertThat(waits.await(token("c", "gw-3"), 1, Duration.ofSeconds(10))).isEqualTo(PlanWaits.Outcome.BUSY);
        revisions.change("gw-1");
        waits.poke();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(PlanWaits.Outcome.CHANGED);
        assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo(PlanWaits.Outcome.CHANGED);
        awaitWaiting(1);
        assertThat(waits.await(token("a", "gw-1"), 1, Duration.ZERO)).as("room again")
                .isEqualTo(PlanWaits.Outcome.CHANGED);
        waits.close();
        assertThat(third.get(5, TimeUnit.SECONDS)).isEqualTo(PlanWaits.Outcome.CLOSED);
    }

    @Test
    void closingEndsEveryWaitAndTakesNoMore() throws Exception {
        var waiting = waitFor(token("a", "gw-1"), 1, Duration.ofSeconds(30));
        awaitWaiting(1);
        long start = System.nanoTime();
        waits.close();
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo(PlanWaits.Outcome.CLOSED);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(waits.await(token("a", "gw-1"), 1, Duration.ofSeconds(1))).isEqualTo(PlanWaits.Outcome.CLOSED);
    }

    @Test
    void aFailingReadIsLoggedAndLookedAtAgain() throws Exception {
        waits.close();
        var failing = new AtomicInteger(3);
        waits = new PlanWaits(new PlanWaits.Revisions() {
            @Override
            public long latest() {
                if (failing.getAndDecrement() > 0) {
                    throw new IllegalStateException("database unreachable");
                }
                return revisions.latest();
            }

            @Override
            public Map<String, Long> of(Collection<String> gatewayIds) {
                return revisions.of(gatewayIds);
            }
        }, new PlanWaits.Limits(3, 2, Duration.ofMillis(50)));
        var waiting = waitFor(token("a", "gw-1"), 1, Duration.ofSeconds(10));
        awaitWaiting(1);
        revisions.change("gw-1");
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo(PlanWaits.Outcome.CHANGED);
    }
}
