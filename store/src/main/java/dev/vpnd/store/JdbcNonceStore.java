package dev.vpnd.store;

import dev.vpnd.core.port.NonceStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Nonces in {@code signature_nonces}. An expired row is reused by the upsert; expired rows are
 * purged now and then, so the table holds about one window of requests. A row's first use is its
 * expiry less the time it is kept, so no column of its own records it.
 */
final class JdbcNonceStore implements NonceStore {
    private static final int PURGE_EVERY = 1_000;
    private static final AtomicLong CALLS = new AtomicLong();
    private static final String REMEMBER = "INSERT INTO signature_nonces (key_id, nonce, expires_at) VALUES (?, ?, ?) "
            + "ON CONFLICT (key_id, nonce) DO UPDATE SET expires_at = excluded.expires_at "
            + "WHERE signature_nonces.expires_at < ?";
    private static final String EXPIRY = "SELECT expires_at FROM signature_nonces WHERE key_id = ? AND nonce = ?";

    private final Jdbc db;

    JdbcNonceStore(Jdbc db) {
        this.db = db;
    }

    @Override
    public Optional<Instant> earlierUse(String keyId, String nonce, Instant now, Duration keep) {
        db.dialect().relaxCommitDurability(db);
        if (CALLS.incrementAndGet() % PURGE_EVERY == 0) {
            db.update("DELETE FROM signature_nonces WHERE expires_at < ?", List.of(now));
        }
        if (db.update(REMEMBER, List.of(keyId, nonce, now.plus(keep), now)) == 1) {
            return Optional.empty();
        }
        // The row the upsert left alone; were it gone meanwhile, the use counts as now's.
        Instant expiresAt = db.queryOne(EXPIRY, List.of(keyId, nonce), Row::instant).orElse(now.plus(keep));
        return Optional.of(expiresAt.minus(keep));
    }
}
