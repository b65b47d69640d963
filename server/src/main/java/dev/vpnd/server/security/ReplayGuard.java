package dev.vpnd.server.security;

import java.time.Instant;

/**
 * Remembers signature nonces for twice the timestamp window (timestamps are accepted up to one
 * window either side of now), so a captured request cannot be replayed while its timestamp is still
 * accepted. Nonces are scoped by access key.
 */
public interface ReplayGuard {

    /** True the first time a key presents a nonce; false for a replay. */
    boolean firstUse(String accessKeyId, String nonce, Instant now);
}
