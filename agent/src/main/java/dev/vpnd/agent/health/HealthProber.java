package dev.vpnd.agent.health;

import dev.vpnd.core.dataplane.GatewayPlan;
import dev.vpnd.core.dataplane.GatewayReport;
import dev.vpnd.core.dataplane.Health;
import dev.vpnd.core.dataplane.TunnelPlan;
import dev.vpnd.core.dataplane.TunnelReport;
import dev.vpnd.core.model.HealthCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes the tunnels whose plans carry a health check and keeps each one's verdict for the reports
 * (docs/agent.md, "Health checks"). The agent's reconcile loop hands it each pass's plans and reports
 * ({@link #withHealth}), which only records and schedules and never waits for a probe. Probes run on
 * a pool of {@code concurrency} threads, so no more run at once whatever the number of tunnels, and a
 * tunnel has at most one probe running or scheduled: the next starts an interval after the last one
 * started, or as soon as it ends when it took longer. When more tunnels wait for answers at once than
 * the pool has threads, each is probed less often than its interval, never more often.
 *
 * <p>A probe is sent only while its tunnel is up (both SAs established) and its addresses lie in the
 * tunnel's traffic selectors (the source in the local subnets, the destination in the remote ones):
 * any other echo would not cross the tunnel, and might leave by the default route and be answered by
 * some other host. Such a probe counts as unanswered without being sent. A tunnel whose check changes
 * (addresses, timings, selectors) starts again from {@link Health#UNKNOWN}. When a verdict changes,
 * {@code onVerdict} runs, on the probe's thread, so that the agent reports it at once.
 */
public final class HealthProber implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HealthProber.class);
    /** Probes at once: each is a waiting process, nearly free, but a thousand at once is not. */
    public static final int DEFAULT_CONCURRENCY = 8;
    /** Below this a check's interval is taken as this: a probe is a process, not a packet. */
    static final long MIN_INTERVAL_MILLIS = 100;
    /** Below this a check's timeout is taken as this (Tencent's smallest {@code ProbeTimeout}). */
    static final long MIN_TIMEOUT_MILLIS = 10;

    private final Probe probe;
    private final Runnable onVerdict;
    private final ScheduledThreadPoolExecutor pool;
    /** The probed tunnels by name; guarded by {@code this}. */
    private final Map<String, Target> targets = new HashMap<>();
    private volatile boolean closed;

    public HealthProber(Probe probe, int concurrency, Runnable onVerdict) {
        this.probe = Objects.requireNonNull(probe, "probe");
        this.onVerdict = Objects.requireNonNull(onVerdict, "onVerdict");
        if (concurrency < 1) {
            throw new IllegalArgumentException("at least one probe at a time");
        }
        var threads = new AtomicInteger();
        this.pool = new ScheduledThreadPoolExecutor(concurrency, task -> Thread.ofPlatform().daemon()
                .name("vpnd-agent-probe-" + threads.incrementAndGet()).unstarted(task));
        pool.setRemoveOnCancelPolicy(true);
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** A tunnel's check as far as its probes go: a tunnel whose check differs starts over. */
    private record Check(HealthCheck settings, List<String> localSubnets, List<String> remoteSubnets) {
        static Check of(TunnelPlan plan) {
            return new Check(plan.healthCheck(), plan.localSubnets(), plan.remoteSubnets());
        }

        /** Whether an echo between the check's addresses is one the tunnel carries. */
        boolean crossesTheTunnel() {
            return Ipv4.inAny(settings.sourceIp(), localSubnets) && Ipv4.inAny(settings.destinationIp(), remoteSubnets);
        }

        long intervalMillis() {
            return Math.max(MIN_INTERVAL_MILLIS, settings.intervalMillis());
        }

        Duration timeout() {
            return Duration.ofMillis(Math.max(MIN_TIMEOUT_MILLIS, settings.timeoutMillis()));
        }
    }

    /**
     * {@code reports} (one pass's, of {@code plans}) with each tunnel's verdict: the probed ones' as
     * counted so far, null for the others. Starts probing the tunnels of {@code plans} with a health
     * check that are not probed yet, stops those without one any more, and notes which are up.
     */
    public synchronized List<GatewayReport> withHealth(List<GatewayPlan> plans, List<GatewayReport> reports) {
        var checks = new LinkedHashMap<String, Check>();
        for (GatewayPlan gateway : plans) {
            for (TunnelPlan tunnel : gateway.tunnels()) {
                if (tunnel.healthCheck() != null && !checks.containsKey(tunnel.name())) {
                    checks.put(tunnel.name(), Check.of(tunnel));
                }
            }
        }
        Set<String> up = new HashSet<>();
        reports.forEach(g -> g.tunnels().stream().filter(t -> t.up() && t.configError() == null)
                .forEach(t -> up.add(t.name())));
        targets.values().removeIf(target -> {
            boolean gone = !target.check.equals(checks.get(target.name));
            if (gone) {
                target.stop();
            }
            return gone;
        });
        if (!closed) {
            checks.forEach((name, check) -> targets.computeIfAbsent(name, n -> new Target(n, check)));
        }
        for (Target target : targets.values()) {
            target.tunnelUp = up.contains(target.name);
            target.begin();
        }
        var out = new ArrayList<GatewayReport>(reports.size());
        for (GatewayReport gateway : reports) {
            var tunnels = new ArrayList<TunnelReport>(gateway.tunnels().size());
            for (TunnelReport tunnel : gateway.tunnels()) {
                Target target = targets.get(tunnel.name());
                tunnels.add(tunnel.withHealth(target == null ? null : target.verdict()));
            }
            out.add(new GatewayReport(gateway.gatewayId(), gateway.appliedRevision(), tunnels));
        }
        return out;
    }

    /** Stops every probe (a running ping is killed); verdicts are kept no longer. Idempotent. */
    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            targets.values().forEach(Target::stop);
            targets.clear();
        }
        pool.shutdownNow();
    }

    /** One probed tunnel: its check, whether it is up, its count, its next probe. */
    private final class Target implements Runnable {
        final String name;
        final Check check;
        volatile boolean tunnelUp;
        private HealthCount count = HealthCount.FIRST;
        private ScheduledFuture<?> next;
        private boolean stopped;

        Target(String name, Check check) {
            this.name = name;
            this.check = check;
        }

        synchronized Health verdict() {
            return count.verdict();
        }

        /** Schedules the first probe, at once, unless there was one. */
        synchronized void begin() {
            if (next == null) {
                scheduleIn(0);
            }
        }

        synchronized void scheduleIn(long millis) {
            if (stopped) {
                return;
            }
            try {
                next = pool.schedule(this, millis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                stopped = true; // the prober is closing
            }
        }

        synchronized void stop() {
            stopped = true;
            if (next != null) {
                next.cancel(false);
            }
        }

        @Override
        public void run() {
            long started = System.nanoTime();
            boolean answered;
            try {
                answered = tunnelUp && check.crossesTheTunnel() && probe.answered(check.settings().sourceIp(),
                        check.settings().destinationIp(), check.timeout());
            } catch (InterruptedException e) {
                return; // closing
            } catch (RuntimeException e) {
                LOG.warn("health check of tunnel {}: the probe failed", name, e);
                answered = false;
            }
            Health before;
            Health after;
            synchronized (this) {
                if (stopped) {
                    return;
                }
                before = count.verdict();
                count = count.after(answered, check.settings().retries());
                after = count.verdict();
            }
            if (after != before) {
                LOG.info("health check of tunnel {} ({} to {}): {}", name, check.settings().sourceIp(),
                        check.settings().destinationIp(), after);
                try {
                    onVerdict.run();
                } catch (RuntimeException e) {
                    LOG.warn("reporting a health verdict failed", e);
                }
            }
            long spent = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            scheduleIn(Math.max(0, check.intervalMillis() - spent));
        }
    }
}
