package dev.vpnd.core.port;

import dev.vpnd.core.model.AccessKey;
import dev.vpnd.core.model.Account;
import java.util.List;
import java.util.Optional;

public interface AccountStore {
    void insert(Account account);

    Optional<Account> find(String id);

    Optional<Account> findByName(String name);

    List<Account> list();

    void insertKey(AccessKey key);

    Optional<AccessKey> findKey(String keyId);

    List<AccessKey> keysOf(String accountId);
}
