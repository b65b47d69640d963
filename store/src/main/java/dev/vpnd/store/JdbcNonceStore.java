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
    /** PostgreSQL: {@link #REMEMBER} and {@link #EXPIRY} at once (see {@link #inOneStatement}). */
    private static final String REMEMBER_AND_LOOK = "WITH relaxed AS (SELECT set_config('synchronous_commit', "
            + "'off', true) AS value), "
            + "fresh AS (INSERT INTO signature_nonces (key_id, nonce, expires_at) VALUES (?, ?, ?) "
            + "ON CONFLICT (key_id, nonce) DO UPDATE SET expires_at = excluded.expires_at "
            + "WHERE signature_nonces.expires_at < ? RETURNING 1) "
            + "SELECT (SELECT COUNT(*) FROM fresh), "
            + "(SELECT expires_at FROM signature_nonces WHERE key_id = ? AND nonce = ?), (SELECT value FROM relaxed)";
    private static final String EXPIRY = "SELECT expires_at FROM signature_nonces WHERE key_id = ? AND nonce = ?";

    /** Whether the upsert wrote the row, and the row's expiry before it ran (null: no row then). */
    private record Seen(boolean fresh, Instant expiresAt) {
    }

    private final Jdbc db;

    JdbcNonceStore(Jdbc db) {
        this.db = db;
    }

    @Override
    public Optional<Instant> earlierUse(String keyId, String nonce, Instant now, Duration keep) {
        if (CALLS.incrementAndGet() % PURGE_EVERY == 0) {
            db.update("DELETE FROM signature_nonces WHERE expires_at < ?", List.of(now));
        }
        if (db.dialect() == SqlDialect.POSTGRESQL) {
            return inOneStatement(keyId, nonce, now, keep);
        }
        if (db.update(REMEMBER, List.of(keyId, nonce, now.plus(keep), now)) == 1) {
            return Optional.empty();
        }
        // The row the upsert left alone; were it gone meanwhile, the use counts as now's.
        Instant expiresAt = db.queryOne(EXPIRY, List.of(keyId, nonce), Row::instant).orElse(now.plus(keep));
        return Optional.of(expiresAt.minus(keep));
    }

    /**
     * The upsert and the look at the row it left alone as one statement, one round trip also
     * without a transaction around it. The look reads the statement's snapshot, from before the
     * upsert: a row inserted meanwhile by another node's statement is not in it, and that use
     * counts as now's. A lost nonce only reopens a replay window, so the statement commits
     * without waiting for the WAL to reach the disk ({@code set_config(…, true)}: this
     * transaction only).
     */
    private Optional<Instant> inOneStatement(String keyId, String nonce, Instant now, Duration keep) {
        var seen = db.queryOne(REMEMBER_AND_LOOK, List.of(keyId, nonce, now.plus(keep), now, keyId, nonce),
                r -> new Seen(r.int64() == 1, r.instant())).orElseThrow();
        if (seen.fresh()) {
            return Optional.empty();
        }
        return Optional.of((seen.expiresAt() == null ? now.plus(keep) : seen.expiresAt()).minus(keep));
    }
}
