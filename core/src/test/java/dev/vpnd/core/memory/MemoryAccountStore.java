package dev.vpnd.core.memory;

import dev.vpnd.core.model.AccessKey;
import dev.vpnd.core.model.AccessPolicy;
import dev.vpnd.core.model.Account;
import dev.vpnd.core.port.AccountStore;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Account names and key ids are unique; a key belongs to an existing account. */
final class MemoryAccountStore implements AccountStore {
    private final MemoryState state;

    MemoryAccountStore(MemoryState state) {
        this.state = state;
    }

    @Override
    public void insert(Account account) {
        state.checkWritable();
        if (state.accounts.containsKey(account.id()) || findByName(account.name()).isPresent()) {
            throw new IllegalStateException("duplicate account " + account.name());
        }
        state.accounts.put(account.id(), account);
    }

    @Override
    public Optional<Account> find(String id) {
        return Optional.ofNullable(state.accounts.get(id));
    }

    @Override
    public Optional<Account> findByName(String name) {
        return state.accounts.values().stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** By name, as the store lists them. */
    @Override
    public List<Account> list() {
        return state.accounts.values().stream().sorted(Comparator.comparing(Account::name)).toList();
    }

    @Override
    public void insertKey(AccessKey key) {
        state.checkWritable();
        state.requireAccount(key.accountId());
        if (state.keys.containsKey(key.id())) {
            throw new IllegalStateException("duplicate key " + key.id());
        }
        state.keys.put(key.id(), key);
    }

    @Override
    public Optional<AccessKey> findKey(String keyId) {
        return Optional.ofNullable(state.keys.get(keyId));
    }

    @Override
    public boolean setKeyPolicy(String keyId, AccessPolicy policy) {
        state.checkWritable();
        var key = state.keys.get(keyId);
        if (key == null) {
            return false;
        }
        state.keys.put(keyId, key.withPolicy(policy));
        return true;
    }

    @Override
    public boolean setKeyEnabled(String keyId, boolean enabled) {
        state.checkWritable();
        var key = state.keys.get(keyId);
        if (key == null) {
            return false;
        }
        state.keys.put(keyId, key.withEnabled(enabled));
        return true;
    }

    @Override
    public boolean deleteKey(String keyId) {
        state.checkWritable();
        return state.keys.remove(keyId) != null;
    }

    /** In the order they were created. */
    @Override
    public List<AccessKey> keysOf(String accountId) {
        return state.keys.values().stream().filter(k -> k.accountId().equals(accountId)).toList();
    }
}
