package dev.vpnd.core.service;

import java.time.Duration;
import java.time.InstantSource;

/**
 * Knobs every service shares: the clock, and how long asynchronous work (provisioning a gateway,
 * applying a connection change) takes before the resource turns active.
 */
public record ServiceSettings(InstantSource clock, Duration provisioningDelay) {
    public static ServiceSettings defaults() {
        return new ServiceSettings(InstantSource.system(), Duration.ofSeconds(1));
    }
}
