package dev.vpnd.agent;

import dev.vpnd.core.dataplane.TunnelPlan;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * When to start again a tunnel that should be up ({@code IMMEDIATE}) and is not: after a failed
 * negotiation (a peer that does not know the tunnel yet answers at once, and charon raises no event
 * for an SA that never came up) or after the tunnel went down. Each tunnel waits on a schedule of its
 * own: 1 s at first, doubling after each attempt up to the full-pass interval, each wait drawn between
 * half and all of that ({@link Backoff}), so tunnels that failed together do not retry together. The
 * schedule starts over when the tunnel comes up or its plan changes. A tunnel due within
 * {@link #EARLY} of another is retried in the same pass, which bounds the passes retries cause to
 * about two a second however many tunnels fail (docs/agent.md, "Retrying a tunnel").
 *
 * <p>Times are {@link System#nanoTime} values. Not thread-safe: the reconciler's.
 */
final class InitiationRetries {
    /** The first wait. */
    static final Duration FIRST = Duration.ofSeconds(1);
    /** How early a tunnel counts as due, so that one pass serves tunnels due close together. */
    static final Duration EARLY = Duration.ofMillis(500);

    private final Duration max;
    private final Map<String, Schedule> schedules = new HashMap<>();

    /** A tunnel's schedule, for one version of its plan. */
    private static final class Schedule {
        private final TunnelPlan plan;
        private final Backoff backoff;
        private long due;

        Schedule(TunnelPlan plan, Backoff backoff) {
            this.plan = plan;
            this.backoff = backoff;
        }
    }

    /** Waits doubling from {@link #FIRST} up to {@code max} (the full-pass interval; at least {@link #FIRST}). */
    InitiationRetries(Duration max) {
        this.max = max.compareTo(FIRST) < 0 ? FIRST : max;
    }

    /**
     * Whether the tunnel of {@code plan}, not up now, is to be started (or found still negotiating) at
     * {@code now}: at once when nothing is scheduled for this plan, else once its wait has passed.
     */
    boolean due(TunnelPlan plan, long now) {
        Schedule schedule = current(plan);
        return schedule == null || now - (schedule.due - EARLY.toNanos()) >= 0;
    }

    /**
     * An attempt at {@code now}: the tunnel was initiated or loaded (which starts it), or found still
     * negotiating when it was due; the next one comes after the next wait.
     */
    void attempted(TunnelPlan plan, long now) {
        Schedule schedule = current(plan);
        if (schedule == null) {
            schedule = new Schedule(plan, new Backoff(FIRST, max));
            schedules.put(plan.name(), schedule);
        }
        schedule.due = now + schedule.backoff.next().toNanos();
    }

    /**
     * The tunnel of {@code plan} was seen down at {@code now} between passes: unless it is scheduled
     * already, it is started again after the first wait (not at once: its peer may be deleting it).
     */
    void wentDown(TunnelPlan plan, long now) {
        if (current(plan) == null) {
            attempted(plan, now);
        }
    }

    /** The tunnel is up, or not to be started by this side: its schedule starts over. */
    void forget(String tunnel) {
        schedules.remove(tunnel);
    }

    /** Forgets every tunnel but {@code tunnels}: the others left the plans. */
    void retain(Set<String> tunnels) {
        schedules.keySet().retainAll(tunnels);
    }

    /** When the next tunnel is due, if any is scheduled. */
    OptionalLong next() {
        OptionalLong next = OptionalLong.empty();
        for (Schedule schedule : schedules.values()) {
            if (next.isEmpty() || schedule.due - next.getAsLong() < 0) {
                next = OptionalLong.of(schedule.due);
            }
        }
        return next;
    }

    /** The tunnel's schedule, if it has one for this very plan; one for another plan is dropped. */
    private Schedule current(TunnelPlan plan) {
        Schedule schedule = schedules.get(plan.name());
        if (schedule != null && !schedule.plan.equals(plan)) {
            schedules.remove(plan.name());
            return null;
        }
        return schedule;
    }
}
