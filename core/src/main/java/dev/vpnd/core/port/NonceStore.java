package dev.vpnd.core.port;

import java.time.Instant;

/** Signature nonces seen recently, kept in the database so that every node sharing it refuses a replay. */
public interface NonceStore {

    /**
     * Records that {@code keyId} used {@code nonce}, to be remembered until {@code expiresAt}; false
     * when the pair is already recorded and not yet expired at {@code now}.
     */
    boolean firstUse(String keyId, String nonce, Instant now, Instant expiresAt);
}
