package dev.vpnd.server.agent;

import dev.vpnd.core.dataplane.AgentToken;
import dev.vpnd.core.dataplane.GatewayRef;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plan requests waiting for one of their gateways' revisions to pass the revision they applied.
 * One checker thread watches for them all: it reads the revision counter, one row, when this
 * process committed a write ({@link #poke}) and every {@code checkEvery} otherwise, and only when
 * the counter moved reads the revisions of the waiting gateways, in one query, and wakes whom they
 * concern. A write committed by another node, or by a command run beside the server, is seen at the
 * next periodic look (docs/agent-protocol.md, "Waking a plan wait" says why this and not
 * PostgreSQL's LISTEN/NOTIFY).
 *
 * <p>A waiter registers before it looks at its revisions itself, so a change committed after that
 * look reaches it through the checker, and one committed before it through the look. Waits are
 * bounded in number, per node and per token, so a client cannot hold unbounded memory or threads.
 */
final class PlanWaits implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PlanWaits.class);
    /** Checks follow pokes no closer than this: a burst of writes costs one look, not one each. */
    private static final long MIN_GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    /** Where the checker reads revisions: the latest drawn, and those of some gateways. */
    interface Revisions {
        long latest();

        Map<String, Long> of(Collection<String> gatewayIds);
    }

    /** How many waits a node and a token hold at once, and how often the checker looks unprompted. */
    record Limits(int maxWaits, int maxWaitsPerToken, Duration checkEvery) {
        static final Limits DEFAULT = new Limits(1024, 4, Duration.ofMillis(250));
    }

    enum Outcome {
        /** A gateway's revision is greater than the one waited after. */
        CHANGED,
        /** The wait ran out first. */
        TIMED_OUT,
        /** The node or the token holds as many waits as it may. */
        BUSY,
        /** The node is stopping. */
        CLOSED
    }

    private static final class Waiter {
        final AgentToken token;
        final long after;
        final CountDownLatch done = new CountDownLatch(1);
        volatile Outcome outcome = Outcome.TIMED_OUT;

        Waiter(AgentToken token, long after) {
            this.token = token;
            this.after = after;
        }

        void wake(Outcome why) {
            outcome = why;
            done.countDown();
        }
    }

    private final Revisions revisions;
    private final Limits limits;
    private final Set<Waiter> waiters = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> perToken = new HashMap<>();
    private final Thread checker;
    private volatile boolean poked;
    private volatile boolean closed;
    /** The counter as the checker last read it; -1 before its first look. */
    private long lastSeen = -1;

    PlanWaits(Revisions revisions, Limits limits) {
        this.revisions = revisions;
        this.limits = limits;
        this.checker = Thread.ofPlatform().daemon().name("vpnd-plan-waits").unstarted(this::check);
        checker.start();
    }

    /** This process committed a write: look soon. Cheap, and safe to call from any thread. */
    void poke() {
        poked = true;
        LockSupport.unpark(checker);
    }

    /**
     * Waits up to {@code wait} for one of the token's gateways to pass revision {@code after}.
     *
     * @throws InterruptedException when the calling thread is interrupted
     */
    Outcome await(AgentToken token, long after, Duration wait) throws InterruptedException {
        var waiter = new Waiter(token, after);
        if (!register(waiter)) {
            return closed ? Outcome.CLOSED : Outcome.BUSY;
        }
        try {
            if (greatest(token, revisions.of(ids(token))) > after) {
                return Outcome.CHANGED;
            }
            if (wait.isZero() || !waiter.done.await(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                return Outcome.TIMED_OUT;
            }
            return waiter.outcome;
        } finally {
            unregister(waiter);
        }
    }

    /** How many waits are held now. */
    int waiting() {
        return waiters.size();
    }

    private synchronized boolean register(Waiter waiter) {
        if (closed || waiters.size() >= limits.maxWaits()
                || perToken.getOrDefault(waiter.token.id(), 0) >= limits.maxWaitsPerToken()) {
            return false;
        }
        perToken.merge(waiter.token.id(), 1, Integer::sum);
        waiters.add(waiter);
        return true;
    }

    private synchronized void unregister(Waiter waiter) {
        if (waiters.remove(waiter)) {
            perToken.computeIfPresent(waiter.token.id(), (id, n) -> n == 1 ? null : n - 1);
        }
    }

    private void check() {
        long lastCheck = 0;
        while (!closed) {
            if (!poked) {
                LockSupport.parkNanos(this, limits.checkEvery().toNanos());
            }
            long sinceLast = System.nanoTime() - lastCheck;
            if (sinceLast < MIN_GAP_NANOS) {
                LockSupport.parkNanos(this, MIN_GAP_NANOS - sinceLast);
            }
            poked = false;
            lastCheck = System.nanoTime();
            if (closed || waiters.isEmpty()) {
                continue;
            }
            try {
                look();
            } catch (RuntimeException e) {
                LOG.warn("cannot read plan revisions; plan waits are woken at the next look", e);
            }
        }
    }

    /** Wakes every waiter one of whose gateways moved past its revision, if the counter moved at all. */
    private void look() {
        long latest = revisions.latest();
        if (latest == lastSeen) {
            return;
        }
        var snapshot = List.copyOf(waiters);
        var gatewayIds = new HashSet<String>();
        snapshot.forEach(w -> gatewayIds.addAll(ids(w.token)));
        Map<String, Long> current = revisions.of(gatewayIds);
        for (Waiter w : snapshot) {
            if (greatest(w.token, current) > w.after) {
                w.wake(Outcome.CHANGED);
            }
        }
        lastSeen = latest;
    }

    private static List<String> ids(AgentToken token) {
        return token.gateways().stream().map(GatewayRef::gatewayId).toList();
    }

    private static long greatest(AgentToken token, Map<String, Long> revisions) {
        return token.gateways().stream().mapToLong(g -> revisions.getOrDefault(g.gatewayId(), 0L)).max()
                .orElse(0);
    }

    /** Ends every wait (its request answers that nothing changed) and the checker. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        waiters.forEach(w -> w.wake(Outcome.CLOSED));
        LockSupport.unpark(checker);
        try {
            checker.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
