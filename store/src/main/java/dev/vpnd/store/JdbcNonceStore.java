package dev.vpnd.store;

import dev.vpnd.core.port.NonceStore;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Nonces in {@code signature_nonces}. An expired row is reused by the upsert; expired rows are
 * purged now and then, so the table holds about one window of requests.
 */
final class JdbcNonceStore implements NonceStore {
    private static final int PURGE_EVERY = 1_000;
    private static final AtomicLong CALLS = new AtomicLong();
    private static final String REMEMBER = "INSERT INTO signature_nonces (key_id, nonce, expires_at) VALUES (?, ?, ?) "
            + "ON CONFLICT (key_id, nonce) DO UPDATE SET expires_at = excluded.expires_at "
            + "WHERE signature_nonces.expires_at < ?";

    private final Jdbc db;

    JdbcNonceStore(Jdbc db) {
        this.db = db;
    }

    @Override
    public boolean firstUse(String keyId, String nonce, Instant now, Instant expiresAt) {
        db.dialect().relaxCommitDurability(db);
        if (CALLS.incrementAndGet() % PURGE_EVERY == 0) {
            db.update("DELETE FROM signature_nonces WHERE expires_at < ?", List.of(now));
        }
        return db.update(REMEMBER, List.of(keyId, nonce, expiresAt, now)) == 1;
    }
}
