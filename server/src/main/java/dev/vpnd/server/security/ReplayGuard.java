package dev.vpnd.server.security;

import java.time.Instant;
import java.util.Optional;

/**
 * Remembers signature nonces for twice the timestamp window (timestamps are accepted up to one
 * window either side of now), so a captured request cannot be replayed while its timestamp is still
 * accepted. Nonces are scoped by access key. Each is remembered with the time it was first
 * accepted, by this guard's clock, so a grace for a signer's own repeats counts from that moment
 * and not from a timestamp the signer's clock wrote.
 */
public interface ReplayGuard {

    /**
     * Records that a key presented a nonce at {@code now}.
     *
     * @return empty the first time; else when the key first presented it
     */
    Optional<Instant> earlierUse(String accessKeyId, String nonce, Instant now);

    /** True the first time a key presents a nonce; false for a replay. */
    default boolean firstUse(String accessKeyId, String nonce, Instant now) {
        return earlierUse(accessKeyId, nonce, now).isEmpty();
    }
}
