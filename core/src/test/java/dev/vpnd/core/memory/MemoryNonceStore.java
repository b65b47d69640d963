package dev.vpnd.core.memory;

import dev.vpnd.core.memory.MemoryState.NonceKey;
import dev.vpnd.core.port.NonceStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

final class MemoryNonceStore implements NonceStore {
    private final MemoryState state;

    MemoryNonceStore(MemoryState state) {
        this.state = state;
    }

    /** As the store: a pair is kept until its first use plus {@code keep}, which gives back that first use. */
    @Override
    public Optional<Instant> earlierUse(String keyId, String nonce, Instant now, Duration keep) {
        state.checkWritable();
        var key = new NonceKey(keyId, nonce);
        Instant seenUntil = state.nonces.get(key);
        if (seenUntil != null && seenUntil.isAfter(now)) {
            return Optional.of(seenUntil.minus(keep));
        }
        state.nonces.put(key, now.plus(keep));
        return Optional.empty();
    }
}
