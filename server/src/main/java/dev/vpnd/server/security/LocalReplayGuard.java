package dev.vpnd.server.security;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Remembers nonces in this process's memory: right for one node on SQLite, where a database write
 * per request would cost a disk flush. Nodes sharing PostgreSQL use {@link SharedReplayGuard}.
 */
public final class LocalReplayGuard implements ReplayGuard {
    private final Duration window;
    private final ConcurrentHashMap<String, Instant> seen = new ConcurrentHashMap<>();
    private final AtomicLong sinceSweep = new AtomicLong();

    public LocalReplayGuard(Duration window) {
        this.window = window;
    }

    @Override
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
