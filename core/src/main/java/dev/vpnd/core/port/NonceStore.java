package dev.vpnd.core.port;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Signature nonces seen recently, kept in the database so that every node sharing it refuses a replay. */
public interface NonceStore {

    /**
     * Records that {@code keyId} used {@code nonce} at {@code now}, to be remembered for {@code keep}.
     * A pair is remembered until its first use plus {@code keep}, which every caller passes alike,
     * so that time gives back when the pair was first used.
     *
     * @return empty when this is the first use (or the earlier one has expired), else when the pair
     *     was first used
     */
    Optional<Instant> earlierUse(String keyId, String nonce, Instant now, Duration keep);
}
