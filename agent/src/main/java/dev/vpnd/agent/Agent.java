package dev.vpnd.agent;

import dev.vpnd.agent.charon.Charon;
import dev.vpnd.agent.charon.CharonEvents;
import dev.vpnd.agent.charon.TunnelReports;
import dev.vpnd.agent.charon.ViciCharon;
import dev.vpnd.agent.health.HealthProber;
import dev.vpnd.agent.health.PingProbe;
import dev.vpnd.agent.health.Probe;
import dev.vpnd.agent.protocol.AgentClient;
import dev.vpnd.agent.protocol.AgentClientException;
import dev.vpnd.agent.protocol.Hello;
import dev.vpnd.agent.protocol.HelloAnswer;
import dev.vpnd.agent.protocol.PlanAnswer;
import dev.vpnd.agent.protocol.ProtocolException;
import dev.vpnd.agent.protocol.Report;
import dev.vpnd.agent.vici.ViciSocket;
import dev.vpnd.core.dataplane.GatewayPlan;
import dev.vpnd.core.dataplane.GatewayReport;
import dev.vpnd.core.dataplane.TunnelPlan;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data-plane agent: keeps charon equal to the plans vpnd holds for the agent's gateways, and
 * reports each tunnel back (docs/agent-protocol.md, docs/agent.md). Three threads:
 *
 * <ul>
 *   <li>the plan thread says hello, then waits for plans ({@code after} the revision it has), and
 *       hands each answer to the reconcile thread;</li>
 *   <li>the reconcile thread converges charon on the newest plans ({@link Reconciler}) when they come,
 *       when charon is reached again, and every {@code reportSeconds}; on an SA's up/down event it only
 *       lists the SAs again, and so on a health check's new verdict; whatever it finds, with each
 *       tunnel's health verdict ({@link HealthProber}, whose probes run on threads of their own), goes
 *       to the report thread at once when it is news (a plan applied, a state or verdict changed), and
 *       every {@code reportSeconds} anyway;</li>
 *   <li>the report thread sends the newest report, retrying until vpnd takes it.</li>
 * </ul>
 *
 * <p>Failures leave the tunnels alone. vpnd unreachable: charon keeps what it holds, the agent retries
 * with backoff, says hello again and asks for the whole plan when it is back. Charon unreachable: its
 * tunnels are reported absent, the agent retries with backoff, and a charon that comes back (restarted,
 * so empty) gets every tunnel again. Before the first plan answer charon is not touched at all, so an
 * agent that restarts while vpnd is down does not empty it; one that restarts while vpnd is up loads
 * the same tunnels again, which charon takes as unchanged, leaving their SAs up.
 *
 * <p>No log line holds a pre-shared key or the token: plans are logged by revision and count only.
 */
public final class Agent implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Agent.class);
    /** What the agent calls itself in its hello. */
    public static final String NAME = "vpnd-agent " + Objects.requireNonNullElse(
            Agent.class.getPackage().getImplementationVersion(), "dev");
    private static final Duration RETRY_FIRST = Duration.ofMillis(250);
    private static final Duration VICI_TIMEOUT = Duration.ofSeconds(10);
    /** Until vpnd's hello answer says otherwise. */
    private static final int DEFAULT_REPORT_SECONDS = 10;
    private static final int DEFAULT_WAIT_SECONDS = 25;
    /** The longest daemon description sent in a hello. */
    private static final int MAX_DAEMON = 200;
    private static final long FAR = TimeUnit.DAYS.toNanos(1);

    private final AgentSettings settings;
    private final String publicAddress;
    private final AgentClient client;
    private final Charon charon;
    private final CharonEvents events;
    private final AgentListener listener;
    private final Reconciler reconciler;
    private final HealthProber prober;
    private final Wakeup wakeup = new Wakeup();
    private final AtomicReference<Received> latestPlan = new AtomicReference<>();
    private final Latest<Report> outbox = new Latest<>();
    private final AtomicBoolean helloDue = new AtomicBoolean();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final List<Thread> threads = new ArrayList<>();
    private volatile HelloAnswer terms;
    private volatile String daemon = "charon (not reached yet)";
    private volatile boolean closing;

    /**
     * An agent of the vpnd {@code client} speaks to, for {@code charon} and its {@code events}; nothing
     * runs before {@link #start}. {@code settings} gives the public address (when null it is found here,
     * or an {@link IOException} says why not) and the retry bound; its server, token and VICI socket are
     * {@code client}'s and {@code charon}'s business.
     */
    public Agent(AgentSettings settings, AgentClient client, Charon charon, CharonEvents events,
            AgentListener listener) throws IOException {
        this(settings, client, charon, events, listener, PingProbe.here());
    }

    /** The same, its health checks sent by {@code probe} (the lab's pings from charon's namespace). */
    public Agent(AgentSettings settings, AgentClient client, Charon charon, CharonEvents events,
            AgentListener listener, Probe probe) throws IOException {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.client = Objects.requireNonNull(client, "client");
        this.charon = Objects.requireNonNull(charon, "charon");
        this.events = Objects.requireNonNull(events, "events");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.publicAddress = settings.publicAddress() != null ? settings.publicAddress() : PublicAddress.detect();
        this.reconciler = new Reconciler(charon);
        this.prober = new HealthProber(probe, HealthProber.DEFAULT_CONCURRENCY,
                () -> wakeup.raise(Wakeup.Cause.HEALTH));
    }

    /**
     * Runs an agent with {@code settings} beside the charon at {@code settings.vici()} until the JVM is
     * asked to stop (Ctrl-C, SIGTERM: a shutdown hook stops the agent, leaving charon's tunnels up) or
     * the calling thread is interrupted. An {@link IOException} when the public address is not given
     * and cannot be found.
     */
    public static void run(AgentSettings settings) throws IOException, InterruptedException {
        try (var charon = new ViciCharon(ViciSocket.path(settings.vici()), VICI_TIMEOUT);
                var agent = new Agent(settings, new AgentClient(settings.server(), settings.token()), charon, charon,
                        AgentListener.NONE)) {
            Thread hook = new Thread(agent::close, "vpnd-agent-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                agent.start();
                agent.awaitClosed();
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // the JVM is shutting down: the hook is what stopped the agent
                }
            }
        }
    }

    /** Starts the agent's threads; they run until {@link #close}. */
    public synchronized void start() {
        if (!threads.isEmpty() || closing) {
            throw new IllegalStateException("an agent starts once");
        }
        try {
            noteDaemon(charon.version());
        } catch (IOException e) {
            LOG.debug("charon not reachable yet: {}", e.getMessage());
        }
        LOG.info("vpnd agent: server {}, charon at {} ({}), public address {}", settings.server(), settings.vici(),
                daemon, publicAddress);
        threads.add(Thread.ofPlatform().daemon().name("vpnd-agent-plans").start(this::planLoop));
        threads.add(Thread.ofPlatform().daemon().name("vpnd-agent-reconcile").start(this::reconcileLoop));
        threads.add(Thread.ofPlatform().daemon().name("vpnd-agent-report").start(this::reportLoop));
    }

    /** The address the agent tells vpnd. */
    public String publicAddress() {
        return publicAddress;
    }

    /** Waits until {@link #close} was called. */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    /** Stops the agent's threads; charon keeps every tunnel as it is. Idempotent. */
    @Override
    public void close() {
        List<Thread> running;
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
            running = List.copyOf(threads);
        }
        running.forEach(Thread::interrupt);
        for (Thread thread : running) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        prober.close();
        LOG.info("vpnd agent stopped; charon keeps its tunnels");
        closed.countDown();
    }

    /** A plan answer and its place among those received: each is applied once, however alike two are. */
    private record Received(long sequence, PlanAnswer plans) {
    }

    // ---- the plan thread

    private void planLoop() {
        var backoff = new Backoff(RETRY_FIRST, settings.retryMax());
        boolean helloSaid = false;
        boolean failing = false;
        long after = 0;
        long received = 0;
        while (!closing) {
            try {
                boolean due = helloDue.getAndSet(false);
                if (!helloSaid || due) {
                    HelloAnswer answer = client.hello(new Hello(publicAddress, NAME, daemon));
                    terms = answer;
                    if (!helloSaid) {
                        LOG.info("vpnd at {} holds {} gateway(s) for this agent: {}", settings.server(),
                                answer.gateways().size(), answer.gateways());
                        // a vpnd that was away may have been restored from an older state: ask for everything
                        after = 0;
                        helloSaid = true;
                    }
                }
                Optional<PlanAnswer> answer = client.plan(after, Duration.ofSeconds(waitSeconds()));
                if (failing) {
                    LOG.info("vpnd at {} reachable again", settings.server());
                    failing = false;
                }
                backoff.reset();
                if (answer.isPresent()) {
                    PlanAnswer plans = answer.get();
                    after = plans.revision();
                    LOG.debug("plans of revision {}: {} gateway(s), {} tunnel(s)", plans.revision(),
                            plans.gateways().size(), plans.gateways().stream().mapToInt(g -> g.tunnels().size()).sum());
                    latestPlan.set(new Received(++received, plans));
                    wakeup.raise(Wakeup.Cause.PLAN);
                }
            } catch (IOException | ProtocolException e) {
                helloSaid = false;
                if (!failing) {
                    LOG.warn("vpnd at {}: {}; charon keeps its tunnels, retrying", settings.server(), describe(e));
                } else {
                    LOG.debug("vpnd at {} still failing: {}", settings.server(), describe(e));
                }
                failing = true;
                if (!pause(backoff.next())) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static String describe(Exception e) {
        if (e instanceof AgentClientException refused && refused.unauthorized()) {
            return "the token is refused (revoked, or not vpnd's): create one with ./vpnd agent token create";
        }
        if (e instanceof ProtocolException) {
            return "an answer broke the protocol (" + e.getMessage() + ")";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private int waitSeconds() {
        HelloAnswer answer = terms;
        return answer == null ? DEFAULT_WAIT_SECONDS : answer.waitSeconds();
    }

    private long reportNanos() {
        HelloAnswer answer = terms;
        return TimeUnit.SECONDS.toNanos(answer == null ? DEFAULT_REPORT_SECONDS : answer.reportSeconds());
    }

    private void noteDaemon(String version) {
        String clean = version.codePoints().map(c -> Character.isISOControl(c) ? ' ' : c)
                .limit(MAX_DAEMON).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        if (!clean.equals(daemon)) {
            daemon = clean;
            helloDue.set(true);
        }
    }

    // ---- the reconcile thread

    /** Where the reconcile loop stands between two passes. */
    private final class Pass {
        private final Backoff backoff = new Backoff(RETRY_FIRST, settings.retryMax());
        private final Map<String, Long> applied = new HashMap<>();
        private CharonEvents.Watch watch;
        private long reconciled;
        private List<GatewayReport> last;
        private boolean charonDown;
        /** After a pass failed on a bug: no retries until a pass succeeds, so as not to fail in a loop. */
        private boolean passFailed;
        /** The next full pass while charon is up, the next attempt to reach it while it is down. */
        private long nextPass = System.nanoTime() + FAR;
        private long nextReport = System.nanoTime() + FAR;

        void run(Received received, Set<Wakeup.Cause> causes) {
            PlanAnswer plans = received.plans();
            long now = System.nanoTime();
            boolean passDue = now - nextPass >= 0 || now - retryDue() >= 0;
            boolean reportDue = now - nextReport >= 0;
            if (causes.contains(Wakeup.Cause.CHARON_LOST)) {
                unwatch();
            }
            try {
                boolean full = received.sequence() != reconciled || passDue || watch == null;
                if (watch == null) {
                    watch = events.watch(() -> wakeup.raise(Wakeup.Cause.SAS),
                            cause -> wakeup.raise(Wakeup.Cause.CHARON_LOST));
                    noteDaemon(charon.version());
                }
                if (full && received.sequence() != reconciled) {
                    tell(() -> listener.plansArriving(plans.gateways()));
                }
                List<GatewayReport> reports = prober.withHealth(plans.gateways(), full
                        ? reconciler.reconcile(plans.gateways()) : reconciler.observe(plans.gateways()));
                if (full) {
                    if (received.sequence() != reconciled) {
                        tell(() -> listener.plansApplied(plans.gateways()));
                    }
                    reconciled = received.sequence();
                    reports.forEach(report -> applied.put(report.gatewayId(), report.appliedRevision()));
                    nextPass = System.nanoTime() + reportNanos();
                }
                if (charonDown) {
                    LOG.info("charon at {} reachable again ({})", settings.vici(), daemon);
                    charonDown = false;
                    helloDue.set(true);
                }
                backoff.reset();
                passFailed = false;
                publish(reports, full || reportDue);
            } catch (IOException e) {
                unwatch();
                if (closing) {
                    return;
                }
                if (!charonDown) {
                    LOG.warn("charon at {}: {}; its tunnels are reported absent, retrying", settings.vici(),
                            e.getMessage());
                    charonDown = true;
                }
                publish(prober.withHealth(plans.gateways(), absent(plans.gateways())), reportDue);
                nextPass = System.nanoTime() + backoff.next().toNanos();
            }
        }

        long deadline() {
            long deadline = nextPass - nextReport < 0 ? nextPass : nextReport;
            return retryDue() - deadline < 0 ? retryDue() : deadline;
        }

        /** When a tunnel is to be started again ({@link Reconciler#nextRetry}); far off while charon fails. */
        private long retryDue() {
            long far = System.nanoTime() + FAR;
            return charonDown || passFailed ? far : reconciler.nextRetry().orElse(far);
        }

        /** Every tunnel absent, each gateway at the revision last applied to it (0: none yet). */
        private List<GatewayReport> absent(List<GatewayPlan> plans) {
            var reports = new ArrayList<GatewayReport>();
            for (GatewayPlan plan : plans) {
                reports.add(new GatewayReport(plan.gatewayId(), applied.getOrDefault(plan.gatewayId(), 0L),
                        plan.tunnels().stream().map(TunnelPlan::name).map(TunnelReports::absent).toList()));
            }
            return reports;
        }

        private void publish(List<GatewayReport> reports, boolean due) {
            boolean news = ReportChanges.isNews(last, reports);
            for (ReportChanges.Changed gone : ReportChanges.removed(last, reports)) {
                tell(() -> listener.tunnelRemoved(gone.gatewayId(), gone.tunnel().name()));
            }
            for (ReportChanges.Changed changed : ReportChanges.changed(last, reports)) {
                tell(() -> listener.tunnelChanged(changed.gatewayId(), changed.tunnel()));
            }
            last = reports;
            if (news || due) {
                outbox.put(new Report(reports));
                nextReport = System.nanoTime() + reportNanos();
            }
        }

        void retryLater() {
            unwatch();
            passFailed = true;
            nextPass = System.nanoTime() + backoff.next().toNanos();
        }

        void unwatch() {
            if (watch != null) {
                watch.close();
                watch = null;
            }
        }
    }

    private void reconcileLoop() {
        var pass = new Pass();
        try {
            while (!closing) {
                Set<Wakeup.Cause> causes = wakeup.await(pass.deadline());
                Received received = latestPlan.get();
                // Before vpnd's first answer the agent does not know what charon should hold: it leaves
                // charon as it is rather than empty it.
                if (received != null) {
                    try {
                        pass.run(received, causes);
                    } catch (RuntimeException e) {
                        // a bug, or charon answering what no version of it sends: try again later, not in a loop
                        LOG.error("a reconcile pass failed; trying again", e);
                        pass.retryLater();
                    }
                }
            }
        } catch (InterruptedException e) {
            // closing
        } finally {
            pass.unwatch();
        }
    }

    // ---- the report thread

    private void reportLoop() {
        var backoff = new Backoff(RETRY_FIRST, settings.retryMax());
        boolean failing = false;
        while (!closing) {
            Report report;
            try {
                report = outbox.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                client.report(report);
                backoff.reset();
                failing = false;
            } catch (IOException | ProtocolException e) {
                outbox.restore(report);
                if (!failing) {
                    LOG.warn("reporting to vpnd at {}: {}; retrying", settings.server(), describe(e));
                    failing = true;
                }
                if (!pause(backoff.next())) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    // ----

    /** Sleeps; false when the agent is closing. */
    private boolean pause(Duration wait) {
        try {
            Thread.sleep(wait);
            return !closing;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private static void tell(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            LOG.warn("an agent listener failed", e);
        }
    }
}
