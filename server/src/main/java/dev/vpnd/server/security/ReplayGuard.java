package dev.vpnd.server.security;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Remembers signature nonces for the timestamp window, so a captured request cannot be replayed
 * while its timestamp is still accepted. Nonces are scoped by access key. This instance lives in
 * one process: nodes sharing a database need a shared guard (issue: PostgreSQL and several nodes).
 */
public final class ReplayGuard {
    private final Duration window;
    private final ConcurrentHashMap<String, Instant> seen = new ConcurrentHashMap<>();
    private final AtomicLong sinceSweep = new AtomicLong();

    public ReplayGuard(Duration window) {
        this.window = window;
    }

    /** True the first time a key presents a nonce within the window; false for a replay. */
    public boolean firstUse(String accessKeyId, String nonce, Instant now) {
        if (sinceSweep.incrementAndGet() >= 10_000) {
            sinceSweep.set(0);
            sweep(now);
        }
        Instant expiry = now.plus(window).plus(window);
        Instant previous = seen.putIfAbsent(accessKeyId + '\n' + nonce, expiry);
        if (previous == null) {
            return true;
        }
        if (previous.isBefore(now)) {
            return seen.replace(accessKeyId + '\n' + nonce, previous, expiry);
        }
        return false;
    }

    /** Timestamps are accepted up to one window either side of now, so a nonce must be kept two windows. */
    private void sweep(Instant now) {
        seen.values().removeIf(expiry -> expiry.isBefore(now));
    }
}
