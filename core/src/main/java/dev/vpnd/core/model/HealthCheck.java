package dev.vpnd.core.model;

/** Probe sent through the tunnel; {@code policy} says whether routes are withdrawn when it fails. */
public record HealthCheck(boolean enabled, String destinationIp, String sourceIp, int intervalSeconds, int retries,
        String policy) {
}
