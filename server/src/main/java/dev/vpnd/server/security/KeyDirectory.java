package dev.vpnd.server.security;

import dev.vpnd.core.model.AccessKey;
import dev.vpnd.core.service.AccountService;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds signing keys for the dialects. Every signed request needs its key, so lookups are cached
 * for a few seconds: a new key works at once (misses are not cached), a key's change takes at most
 * {@link #TTL} to be seen.
 */
public final class KeyDirectory {
    static final Duration TTL = Duration.ofSeconds(5);

    private final AccountService accounts;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    public KeyDirectory(AccountService accounts) {
        this.accounts = accounts;
    }

    public Optional<AccessKey> find(String keyId) {
        Instant now = Instant.now();
        Cached cached = cache.get(keyId);
        if (cached != null && cached.expires().isAfter(now)) {
            return Optional.of(cached.key());
        }
        Optional<AccessKey> key = accounts.findKey(keyId);
        if (key.isPresent()) {
            if (cache.size() > 100_000) {
                cache.clear();
            }
            cache.put(keyId, new Cached(key.get(), now.plus(TTL)));
        }
        return key;
    }

    private record Cached(AccessKey key, Instant expires) {
    }
}
