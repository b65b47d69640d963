package dev.vpnd.agent;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What wakes the agent's reconcile loop before its timer: causes raised by other threads, kept until
 * the loop takes them all at once, so that a burst (a hundred tunnels coming up) costs one pass.
 */
final class Wakeup {
    /** Why the loop should run now. */
    enum Cause {
        /** vpnd sent plans. */
        PLAN,
        /** An SA came up or went down: list the SAs again. */
        SAS,
        /** The event connection to charon failed: charon stopped or restarts. */
        CHARON_LOST,
        /** A health check's verdict changed: list the SAs again and report. */
        HEALTH
    }

    private final Set<Cause> raised = EnumSet.noneOf(Cause.class);

    synchronized void raise(Cause cause) {
        raised.add(cause);
        notifyAll();
    }

    /**
     * Waits until some cause is raised or {@code deadline} ({@link System#nanoTime}) passes, and
     * returns the causes raised meanwhile, forgetting them; empty when the deadline came first.
     */
    synchronized Set<Cause> await(long deadline) throws InterruptedException {
        while (raised.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        Set<Cause> causes = EnumSet.noneOf(Cause.class);
        causes.addAll(raised);
        raised.clear();
        return causes;
    }
}
