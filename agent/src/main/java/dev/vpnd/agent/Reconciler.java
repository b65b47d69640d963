package dev.vpnd.agent;

import dev.vpnd.agent.charon.Charon;
import dev.vpnd.agent.charon.CharonConfig;
import dev.vpnd.agent.charon.CharonRefusedException;
import dev.vpnd.agent.charon.TunnelReports;
import dev.vpnd.agent.charon.UnsupportedSettingException;
import dev.vpnd.agent.vici.ViciMessage;
import dev.vpnd.core.dataplane.GatewayPlan;
import dev.vpnd.core.dataplane.GatewayReport;
import dev.vpnd.core.dataplane.SaState;
import dev.vpnd.core.dataplane.TunnelPlan;
import dev.vpnd.core.dataplane.TunnelReport;
import dev.vpnd.core.model.Initiation;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes charon hold exactly the tunnels of the agent's gateway plans, and reports each tunnel as
 * charon then shows it (docs/vici.md, "Reconciling"). Each {@link #reconcile} pass compares what
 * charon holds (connections, shared keys, SAs) with the plans and does only what differs, so a pass
 * over an unchanged plan changes nothing, and a pass after any failure picks up where it stopped:
 *
 * <ol>
 *   <li>a different start time than last pass means charon restarted and forgot everything loaded
 *       over VICI (a connection lost to a restart shows as missing anyway);</li>
 *   <li>connections, keys and SAs of tunnels in no plan are removed: the agent's charon serves vpnd
 *       alone;</li>
 *   <li>a tunnel that is missing, or whose connection or key differs from what this reconciler
 *       loaded, is loaded; a changed one has its SAs terminated first, since SAs keep the settings
 *       they were negotiated with;</li>
 *   <li>a tunnel to start at once that has no SA at all is initiated, unless it was just loaded
 *       (loading starts it); one that failed, or went down, is initiated again on its own schedule
 *       ({@link InitiationRetries}: after 1 s, doubling up to the full-pass interval), which
 *       {@link #nextRetry} tells the caller, so that it need not wait for its next full pass;</li>
 *   <li>a tunnel that cannot be configured (a setting charon lacks, or charon's refusal) is removed
 *       and reported with the reason as its configuration error.</li>
 * </ol>
 *
 * {@link #observe} only lists the SAs again, for an up/down event: it changes nothing in charon, so a
 * burst of events, or a tunnel that keeps failing, never turns into a burst of loads and initiates.
 *
 * <p>Not thread-safe: one agent loop calls it, after a plan change, an up/down event or a timer.
 */
public final class Reconciler {
    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);
    /** The full-pass interval of an agent that has not heard vpnd's yet: retries wait at most this. */
    private static final Duration RETRY_MAX = Duration.ofSeconds(10);
    /** How charon's {@code stats} writes {@code uptime.since} (its {@code %T}). */
    private static final DateTimeFormatter CHARON_TIME = DateTimeFormatter.ofPattern("MMM dd HH:mm:ss yyyy",
            Locale.ENGLISH);

    private final Charon charon;
    /** What this reconciler loaded, by tunnel name: both requests, to tell a changed tunnel. */
    private final Map<String, Loaded> loaded = new HashMap<>();
    private String charonStartedAt;
    /** The configuration errors of the last pass, by tunnel name, for {@link #observe}. */
    private Map<String, String> lastErrors = Map.of();
    private final InitiationRetries retries;
    private final LongSupplier clock;

    public Reconciler(Charon charon) {
        this(charon, RETRY_MAX, System::nanoTime);
    }

    /** Retries wait at most {@code retryMax}; {@code clock} is {@link System#nanoTime} but in tests. */
    Reconciler(Charon charon, Duration retryMax, LongSupplier clock) {
        this.charon = Objects.requireNonNull(charon, "charon");
        this.retries = new InitiationRetries(retryMax);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private record Loaded(ViciMessage conn, ViciMessage key) {
    }

    /** A tunnel of some gateway's plan, with its requests, or the reason it cannot be configured. */
    private record Wanted(TunnelPlan plan, Loaded requests, String error) {
    }

    /**
     * One pass: charon converges on {@code plans}, and each gateway gets its report, every tunnel of its
     * plan in order. An {@link IOException} means charon could not be reached; nothing is reported and
     * the next pass starts over.
     */
    public List<GatewayReport> reconcile(List<GatewayPlan> plans) throws IOException {
        String startedAt = charon.startedAt();
        if (charonStartedAt == null || !sameStart(startedAt, charonStartedAt)) {
            if (charonStartedAt != null) {
                LOG.info("charon restarted (up since {}): loading every tunnel again", startedAt);
            }
            loaded.clear();
            charonStartedAt = startedAt;
        }
        Map<String, Wanted> wanted = wanted(plans);
        Set<String> conns = charon.connections();
        Set<String> keys = charon.sharedKeys();
        Map<String, TunnelReport> sas = charon.tunnels();

        Set<String> keep = new HashSet<>();
        Set<String> keepKeys = new HashSet<>();
        wanted.forEach((name, tunnel) -> {
            if (tunnel.error() == null) {
                keep.add(name);
                keepKeys.add(CharonConfig.sharedId(name));
            }
        });
        for (String name : union(conns, sas.keySet())) {
            if (!keep.contains(name)) {
                remove(name, sas.containsKey(name), conns.contains(name));
            }
        }
        for (String key : keys) {
            if (!keepKeys.contains(key)) {
                charon.unloadShared(key);
            }
        }

        var errors = new HashMap<String, String>();
        var justLoaded = new HashSet<String>();
        // Terminated for a change: what was listed of them before is gone, whatever that listing says.
        var terminated = new HashSet<String>();
        for (Wanted tunnel : wanted.values()) {
            String name = tunnel.plan().name();
            if (tunnel.error() != null) {
                errors.put(name, tunnel.error());
                continue;
            }
            Loaded before = loaded.get(name);
            boolean changed = before != null && !before.equals(tunnel.requests());
            if (!changed && before != null && conns.contains(name) && keys.contains(CharonConfig.sharedId(name))) {
                continue;
            }
            if (changed && sas.containsKey(name)) {
                charon.terminate(name);
                terminated.add(name);
            }
            // Unless the connection is known to be the same, loading it may start it: charon runs the
            // start action of a connection it adds or replaces, not of one it is given again unchanged.
            boolean mayStart = before == null || !before.conn().equals(tunnel.requests().conn())
                    || !conns.contains(name);
            try {
                charon.loadShared(tunnel.requests().key());
                charon.loadConn(tunnel.requests().conn());
                loaded.put(name, tunnel.requests());
                if (mayStart) {
                    justLoaded.add(name);
                }
            } catch (CharonRefusedException e) {
                errors.put(name, e.getMessage());
                remove(name, sas.containsKey(name), conns.contains(name));
                charon.unloadShared(CharonConfig.sharedId(name));
            }
        }

        long now = clock.getAsLong();
        for (Wanted tunnel : wanted.values()) {
            TunnelPlan plan = tunnel.plan();
            String name = plan.name();
            TunnelReport seen = terminated.contains(name) ? null : sas.get(name);
            if (plan.initiation() != Initiation.IMMEDIATE || errors.containsKey(name)
                    || (seen != null && seen.up() && !justLoaded.contains(name))) {
                retries.forget(name);
            } else if (justLoaded.contains(name)) {
                retries.attempted(plan, now);
            } else if (retries.due(plan, now)) {
                if (seen == null || seen.ike() == SaState.ABSENT) {
                    charon.initiate(name);
                }
                // initiated, or found still negotiating: either way look again after the next wait
                retries.attempted(plan, now);
            }
        }
        retries.retain(wanted.keySet());
        lastErrors = Map.copyOf(errors);
        Map<String, TunnelReport> after = charon.tunnels();
        forgetUp(after);
        return reports(plans, errors, after);
    }

    /**
     * When a tunnel of the last pass's plans that should be up is to be started again (or looked at, if
     * still negotiating): the caller runs a {@link #reconcile} pass then. Empty when none waits.
     */
    public OptionalLong nextRetry() {
        return retries.next();
    }

    /**
     * The reports of {@code plans} (those of the last {@link #reconcile} pass) as charon shows the
     * tunnels now, with that pass's configuration errors; nothing in charon is changed.
     */
    public List<GatewayReport> observe(List<GatewayPlan> plans) throws IOException {
        Map<String, TunnelReport> sas = charon.tunnels();
        long now = clock.getAsLong();
        for (GatewayPlan gateway : plans) {
            for (TunnelPlan plan : gateway.tunnels()) {
                TunnelReport seen = sas.get(plan.name());
                if (plan.initiation() == Initiation.IMMEDIATE && !lastErrors.containsKey(plan.name())
                        && (seen == null || seen.ike() == SaState.ABSENT)) {
                    retries.wentDown(plan, now);
                }
            }
        }
        forgetUp(sas);
        return reports(plans, lastErrors, sas);
    }

    private void forgetUp(Map<String, TunnelReport> sas) {
        sas.values().stream().filter(TunnelReport::up).forEach(tunnel -> retries.forget(tunnel.name()));
    }

    /**
     * Whether two of charon's start times ({@code Dec 04 20:43:48 2026}) name the same start. charon
     * computes {@code since} on each call as the wall clock less the monotonic uptime, both in whole
     * seconds, so one start reads a second apart now and then; taken for a restart, that would load
     * every tunnel again. A restart within a second of the last shows anyway: its connections are missing.
     */
    static boolean sameStart(String a, String b) {
        try {
            LocalDateTime first = LocalDateTime.parse(a, CHARON_TIME);
            LocalDateTime second = LocalDateTime.parse(b, CHARON_TIME);
            return Math.abs(Duration.between(first, second).toSeconds()) <= 1;
        } catch (DateTimeParseException e) {
            return a.equals(b);
        }
    }

    /** Every tunnel of every plan by name; a name in two gateways' plans is an error on the second. */
    private static Map<String, Wanted> wanted(List<GatewayPlan> plans) {
        var wanted = new LinkedHashMap<String, Wanted>();
        for (GatewayPlan gateway : plans) {
            for (TunnelPlan plan : gateway.tunnels()) {
                if (wanted.containsKey(plan.name())) {
                    continue;
                }
                try {
                    wanted.put(plan.name(), new Wanted(plan, new Loaded(CharonConfig.loadConn(plan),
                            CharonConfig.loadShared(plan)), null));
                } catch (UnsupportedSettingException e) {
                    wanted.put(plan.name(), new Wanted(plan, null, e.getMessage()));
                }
            }
        }
        return wanted;
    }

    private void remove(String name, boolean hasSas, boolean hasConn) throws IOException {
        LOG.info("removing tunnel {} from charon", name);
        if (hasConn) {
            charon.unloadConn(name);
        }
        if (hasSas) {
            charon.terminate(name);
        }
        loaded.remove(name);
    }

    private static List<GatewayReport> reports(List<GatewayPlan> plans, Map<String, String> errors,
            Map<String, TunnelReport> sas) {
        var reports = new ArrayList<GatewayReport>();
        Set<String> reported = new HashSet<>();
        for (GatewayPlan gateway : plans) {
            var tunnels = new ArrayList<TunnelReport>();
            for (TunnelPlan plan : gateway.tunnels()) {
                String name = plan.name();
                String error = errors.get(name);
                if (!reported.add(name)) {
                    error = "tunnel name " + name + " is also in another gateway's plan";
                }
                TunnelReport seen = error == null ? sas.getOrDefault(name, TunnelReports.absent(name))
                        : TunnelReports.absent(name);
                tunnels.add(new TunnelReport(name, seen.ike(), seen.child(), seen.bytesIn(), seen.bytesOut(),
                        seen.packetsIn(), seen.packetsOut(), error));
            }
            reports.add(new GatewayReport(gateway.gatewayId(), gateway.revision(), tunnels));
        }
        return reports;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        var union = new LinkedHashSet<>(a);
        union.addAll(b);
        return union;
    }
}
