package dev.vpnd.server.security;

import dev.vpnd.core.port.Storage;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Nonces kept in the shared database, so a request answered by one node cannot be replayed to another.
 * Each check is one statement without a transaction around it ({@link Storage#writeWithoutTransaction}).
 */
public final class SharedReplayGuard implements ReplayGuard {
    private final Storage storage;
    private final Duration keep;

    public SharedReplayGuard(Storage storage, Duration window) {
        this.storage = storage;
        this.keep = window.multipliedBy(2);
    }

    @Override
    public Optional<Instant> earlierUse(String accessKeyId, String nonce, Instant now) {
        return storage.writeWithoutTransaction(s -> s.nonces().earlierUse(accessKeyId, nonce, now, keep));
    }
}
