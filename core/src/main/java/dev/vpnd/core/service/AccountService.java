package dev.vpnd.core.service;

import dev.vpnd.core.model.AccessKey;
import dev.vpnd.core.model.Account;
import dev.vpnd.core.model.Secret;
import dev.vpnd.core.port.Storage;
import dev.vpnd.core.problem.Problem;
import dev.vpnd.core.problem.ProblemException;
import dev.vpnd.core.problem.ResourceType;
import java.util.List;
import java.util.Optional;

/** Accounts and their signing keys. */
public final class AccountService {
    /** The demo account's well-known credentials, for local use only (documented in the README). */
    public static final String DEMO_ACCOUNT = "demo";
    public static final String DEMO_KEY_ID = "demo-access-key-id";
    public static final String DEMO_KEY_SECRET = "demo-access-key-secret";
    public static final String DEMO_TENCENT_SECRET_ID = "AKIDdemoSecretId";
    public static final String DEMO_TENCENT_SECRET_KEY = "demoSecretKey";

    private final Storage storage;
    private final ServiceSettings settings;

    public AccountService(Storage storage, ServiceSettings settings) {
        this.storage = storage;
        this.settings = settings;
    }

    /** A new account with one key of each style. */
    public record Created(Account account, AccessKey key, AccessKey tencentKey) {
    }

    public Created create(String name) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) {
            throw new ProblemException(new Problem.InvalidValue("name", String.valueOf(name),
                    "1 to 64 letters, digits, '_', '.' or '-', starting with a letter or digit"));
        }
        return storage.write(s -> {
            if (s.accounts().findByName(name).isPresent()) {
                throw new ProblemException(new Problem.AlreadyExists(ResourceType.ACCOUNT, "name", name));
            }
            var account = new Account(Identifiers.newId(), name, settings.clock().instant());
            s.accounts().insert(account);
            var key = newKey(account.id(), false, KeyStyle.ALIYUN);
            var tencentKey = newKey(account.id(), false, KeyStyle.TENCENT);
            s.accounts().insertKey(key);
            s.accounts().insertKey(tencentKey);
            return new Created(account, key, tencentKey);
        });
    }

    public AccessKey createKey(String accountName, boolean readOnly, KeyStyle style) {
        return storage.write(s -> {
            var account = s.accounts().findByName(accountName).orElseThrow(
                    () -> new ProblemException(new Problem.NotFound(ResourceType.ACCOUNT, accountName)));
            var key = newKey(account.id(), readOnly, style);
            s.accounts().insertKey(key);
            return key;
        });
    }

    /** Creates the demo account and its fixed keys, each unless it is already there. */
    public void ensureDemo() {
        storage.write(s -> {
            var account = s.accounts().findByName(DEMO_ACCOUNT).orElse(null);
            if (account == null) {
                account = new Account(Identifiers.newId(), DEMO_ACCOUNT, settings.clock().instant());
                s.accounts().insert(account);
            }
            if (s.accounts().findKey(DEMO_KEY_ID).isEmpty()) {
                s.accounts().insertKey(new AccessKey(DEMO_KEY_ID, new Secret(DEMO_KEY_SECRET), account.id(), false));
            }
            if (s.accounts().findKey(DEMO_TENCENT_SECRET_ID).isEmpty()) {
                s.accounts().insertKey(new AccessKey(DEMO_TENCENT_SECRET_ID, new Secret(DEMO_TENCENT_SECRET_KEY),
                        account.id(), false));
            }
            return null;
        });
    }

    public List<Account> list() {
        return storage.read(s -> s.accounts().list());
    }

    public List<AccessKey> keysOf(String accountName) {
        return storage.read(s -> s.accounts().findByName(accountName).map(a -> s.accounts().keysOf(a.id())))
                .orElseThrow(() -> new ProblemException(new Problem.NotFound(ResourceType.ACCOUNT, accountName)));
    }

    public Optional<AccessKey> findKey(String keyId) {
        return storage.read(s -> s.accounts().findKey(keyId));
    }

    private static AccessKey newKey(String accountId, boolean readOnly, KeyStyle style) {
        return new AccessKey(style.newId(), new Secret(style.newSecret()), accountId, readOnly);
    }
}
