package dev.vpnd.agent.health;

import java.time.Duration;

/** One ICMP echo through a tunnel. */
@FunctionalInterface
public interface Probe {
    /**
     * Whether an echo request from {@code source} to {@code destination} (both IPv4 literals) was
     * answered within {@code timeout}. Never blocks much longer than {@code timeout}; an
     * {@link InterruptedException} when the agent stops meanwhile.
     */
    boolean answered(String source, String destination, Duration timeout) throws InterruptedException;
}
