package dev.vpnd.core.memory;

import dev.vpnd.core.memory.MemoryState.QuotaKey;
import dev.vpnd.core.model.QuotaKind;
import dev.vpnd.core.port.QuotaStore;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Limits of existing accounts. {@link #lock} has nothing to hold back, since writes run one at a
 * time, but like the store's it may only be taken in a write transaction.
 */
final class MemoryQuotaStore implements QuotaStore {
    private final MemoryState state;

    MemoryQuotaStore(MemoryState state) {
        this.state = state;
    }

    @Override
    public OptionalLong find(String accountId, QuotaKind kind) {
        Long limit = state.quotas.get(new QuotaKey(accountId, kind));
        return limit == null ? OptionalLong.empty() : OptionalLong.of(limit);
    }

    @Override
    public Map<QuotaKind, Long> findAll(String accountId) {
        var out = new EnumMap<QuotaKind, Long>(QuotaKind.class);
        state.quotas.forEach((key, limit) -> {
            if (key.accountId().equals(accountId)) {
                out.put(key.kind(), limit);
            }
        });
        return out;
    }

    @Override
    public void put(String accountId, QuotaKind kind, long limit) {
        state.checkWritable();
        state.requireAccount(accountId);
        state.quotas.put(new QuotaKey(accountId, kind), limit);
    }

    @Override
    public void lock(String accountId, QuotaKind kind, String scope) {
        state.checkWritable();
    }
}
