package dev.vpnd.core.port;

import dev.vpnd.core.model.AccessKey;
import dev.vpnd.core.model.AccessPolicy;
import dev.vpnd.core.model.Account;
import java.util.List;
import java.util.Optional;

public interface AccountStore {
    void insert(Account account);

    Optional<Account> find(String id);

    Optional<Account> findByName(String name);

    List<Account> list();

    void insertKey(AccessKey key);

    /** The key of that id, enabled or not. */
    Optional<AccessKey> findKey(String keyId);

    /** Enables or disables the key; false when there is no such key. */
    boolean setKeyEnabled(String keyId, boolean enabled);

    /** Replaces the key's policy; false when there is no such key. */
    boolean setKeyPolicy(String keyId, AccessPolicy policy);

    /** Removes the key; false when there was none. */
    boolean deleteKey(String keyId);

    List<AccessKey> keysOf(String accountId);
}
