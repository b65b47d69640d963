package dev.vpnd.core.service;

import dev.vpnd.core.model.QuotaKind;
import dev.vpnd.core.port.Stores;
import dev.vpnd.core.problem.Problem;
import dev.vpnd.core.problem.ProblemException;
import java.util.function.LongSupplier;

/**
 * The quota check every create makes inside its own write transaction, before it inserts: the
 * account may hold at most its limit of the kind within the counted scope. The scope is locked
 * first (until commit), so of two concurrent creates competing for the last slot the second counts
 * only after the first has committed, and is refused; on SQLite the single writer already orders them.
 */
final class Quotas {
    private Quotas() {
    }

    /**
     * Locks the counted scope until commit. A create with a ClientToken takes it before it looks the
     * token up: a retry racing the first attempt then waits for it and finds its resource, instead of
     * counting it and being refused at the last free slot. Taking it again in the same transaction
     * is harmless.
     */
    static void lock(Stores s, String accountId, QuotaKind kind, String scope) {
        s.quotas().lock(accountId, kind, scope);
    }

    /**
     * Refuses with {@link Problem.QuotaExceeded} when {@code used} (what the account holds in
     * {@code scope}, counted after the lock) has reached the limit.
     */
    static void checkRoom(Stores s, String accountId, QuotaKind kind, String scope, LongSupplier used) {
        s.quotas().lock(accountId, kind, scope);
        long limit = s.quotas().find(accountId, kind).orElse(kind.defaultLimit());
        if (used.getAsLong() >= limit) {
            throw new ProblemException(new Problem.QuotaExceeded(kind, limit));
        }
    }
}
