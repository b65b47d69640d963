package dev.vpnd.store;

import dev.vpnd.core.model.QuotaKind;
import dev.vpnd.core.port.QuotaStore;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Limits in {@code quota_limits} (V13), one row per account and kind that an operator set. */
final class JdbcQuotaStore implements QuotaStore {
    private static final String PUT = "INSERT INTO quota_limits (account_id, kind, max_count) VALUES (?, ?, ?) "
            + "ON CONFLICT (account_id, kind) DO UPDATE SET max_count = excluded.max_count";

    private final Jdbc db;

    JdbcQuotaStore(Jdbc db) {
        this.db = db;
    }

    @Override
    public OptionalLong find(String accountId, QuotaKind kind) {
        return db.queryOne("SELECT max_count FROM quota_limits WHERE account_id = ? AND kind = ?",
                List.of(accountId, kind), Row::int64).map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    /** Rows of kinds this version does not know (written by a newer one) are left out. */
    @Override
    public Map<QuotaKind, Long> findAll(String accountId) {
        var limits = new EnumMap<QuotaKind, Long>(QuotaKind.class);
        var rows = db.query("SELECT kind, max_count FROM quota_limits WHERE account_id = ?", List.of(accountId),
                row -> Map.entry(row.text(), row.int64()));
        for (var row : rows) {
            Arrays.stream(QuotaKind.values()).filter(kind -> kind.name().equals(row.getKey())).findFirst()
                    .ifPresent(kind -> limits.put(kind, row.getValue()));
        }
        return limits;
    }

    @Override
    public void put(String accountId, QuotaKind kind, long limit) {
        db.update(PUT, List.of(accountId, kind, limit));
    }

    @Override
    public void lock(String accountId, QuotaKind kind, String scope) {
        db.dialect().lockUntilCommit(db, key(accountId + '\0' + kind.name() + '\0' + scope));
    }

    /**
     * A 64-bit lock key for the counted scope, the same on every node. Two scopes that share a key
     * merely take turns.
     */
    static long key(String scope) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(scope.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
