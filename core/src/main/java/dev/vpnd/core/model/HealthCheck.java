package dev.vpnd.core.model;

/**
 * Probe sent through the tunnel every {@code intervalMillis}, failed after {@code timeoutMillis};
 * {@code retries} failures in a row mark the tunnel down; {@code policy} says whether routes are
 * withdrawn then.
 */
public record HealthCheck(boolean enabled, String destinationIp, String sourceIp, int intervalMillis,
        int timeoutMillis, int retries, String policy) {
}
