package dev.vpnd.core.memory;

import dev.vpnd.core.memory.MemoryState.NonceKey;
import dev.vpnd.core.port.NonceStore;
import java.time.Instant;

final class MemoryNonceStore implements NonceStore {
    private final MemoryState state;

    MemoryNonceStore(MemoryState state) {
        this.state = state;
    }

    @Override
    public boolean firstUse(String keyId, String nonce, Instant now, Instant expiresAt) {
        state.checkWritable();
        var key = new NonceKey(keyId, nonce);
        Instant seenUntil = state.nonces.get(key);
        if (seenUntil != null && seenUntil.isAfter(now)) {
            return false;
        }
        state.nonces.put(key, expiresAt);
        return true;
    }
}
