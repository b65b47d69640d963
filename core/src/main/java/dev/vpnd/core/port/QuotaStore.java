package dev.vpnd.core.port;

import dev.vpnd.core.model.QuotaKind;
import java.util.Map;
import java.util.OptionalLong;

/** Per-account limits on each {@link QuotaKind}; a kind without a stored limit has its default. */
public interface QuotaStore {
    /** The limit set on the account for the kind; empty when the kind's default applies. */
    OptionalLong find(String accountId, QuotaKind kind);

    /** Every limit set on the account. */
    Map<QuotaKind, Long> findAll(String accountId);

    /** Sets (or replaces) the account's limit for the kind. */
    void put(String accountId, QuotaKind kind, long limit);

    /**
     * Until this write transaction ends, holds back every other one that locks the same counted
     * scope (account, kind, and {@code scope}: a region, a gateway), so that a count taken after
     * the lock still holds when the transaction inserts and commits.
     */
    void lock(String accountId, QuotaKind kind, String scope);
}
