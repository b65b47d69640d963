package dev.vpnd.core.service;

import dev.vpnd.core.model.AccessKey;
import dev.vpnd.core.model.AccessPolicy;
import dev.vpnd.core.model.Account;
import dev.vpnd.core.model.Secret;
import dev.vpnd.core.model.User;
import dev.vpnd.core.port.Storage;
import dev.vpnd.core.port.Stores;
import dev.vpnd.core.problem.Field;
import dev.vpnd.core.problem.Problem;
import dev.vpnd.core.problem.ProblemException;
import dev.vpnd.core.problem.ResourceType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Accounts with their signing keys and OpenStack users. An account is also an OpenStack project of
 * the same id and name (domain Default).
 */
public final class AccountService {
    /** The demo account's well-known credentials, for local use only (documented in the README). */
    public static final String DEMO_ACCOUNT = "demo";
    public static final String DEMO_KEY_ID = "demo-access-key-id";
    public static final String DEMO_KEY_SECRET = "demo-access-key-secret";
    /** OpenStack user {@code demo} (password {@code demo}) in project {@code demo}. */
    public static final String DEMO_USER = "demo";
    public static final String DEMO_PASSWORD = "demo";
    /**
     * OpenStack user {@code admin} (password {@code admin}, role admin) in its own project {@code admin}, as devstack
     * has.
     */
    public static final String ADMIN_ACCOUNT = "admin";
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin";
    /**
     * The demo users' password hashes, made once with a salt taken from the password: the passwords
     * are published, so a fixed salt hides nothing, and a demo start derives no key (a derivation is
     * slow by design). {@code AccountServiceTest} checks that each matches its password.
     */
    static final Secret DEMO_PASSWORD_HASH =
            new Secret("pbkdf2-sha256$100000$lIJGspBiDTx7g31p8RpwQA$OcduLJIrEeSZawlPSJSSx0VaI6kSRI8rQYsjSFqWPjg");
    static final Secret ADMIN_PASSWORD_HASH =
            new Secret("pbkdf2-sha256$100000$Vwy3Aw2Q5feralW0W7c4cg$MpBpScdiGY0RTlpATIdJPZZ9q96ELyPNASmp8LpjnyQ");

    private final Storage storage;
    private final ServiceSettings settings;

    public AccountService(Storage storage, ServiceSettings settings) {
        this.storage = storage;
        this.settings = settings;
    }

    /** A new account with a key of each shape asked for, in order, and an OpenStack user of its name. */
    public record Created(Account account, List<AccessKey> keys, Login login) {
        public Created {
            keys = List.copyOf(keys);
        }
    }

    /** An OpenStack user's name and password, shown once when the user is created. */
    public record Login(String userName, Secret password) {
    }

    /** An account whose only credential is its OpenStack user's password. */
    public Created create(String name) {
        return create(name, List.of());
    }

    public Created create(String name, List<KeyShape> keyShapes) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) {
            throw new ProblemException(new Problem.InvalidValue(Field.ACCOUNT_NAME, String.valueOf(name),
                    "1 to 64 letters, digits, '_', '.' or '-', starting with a letter or digit"));
        }
        return storage.write(s -> {
            if (s.accounts().findByName(name).isPresent()) {
                throw new ProblemException(new Problem.AlreadyExists(ResourceType.ACCOUNT, Field.ACCOUNT_NAME, name));
            }
            var account = new Account(Identifiers.newId(), name, settings.clock().instant());
            s.accounts().insert(account);
            var keys = keyShapes.stream().map(shape -> newKey(account.id(), AccessPolicy.ALLOW_ALL, false, shape))
                    .toList();
            keys.forEach(s.accounts()::insertKey);
            if (s.identities().findUserByName(name).isPresent()) {
                throw new ProblemException(new Problem.AlreadyExists(ResourceType.ACCOUNT, Field.USER_NAME, name));
            }
            String password = Passwords.generate();
            s.identities().insertUser(newUser(account.id(), name, password, false));
            return new Created(account, keys, new Login(name, new Secret(password)));
        });
    }

    public AccessKey createKey(String accountName, boolean readOnly, KeyShape shape) {
        return createKey(accountName, readOnly, false, shape);
    }

    /** A new enabled key of the account; {@code hidesSecrets} blanks pre-shared keys in what it reads. */
    public AccessKey createKey(String accountName, boolean readOnly, boolean hidesSecrets, KeyShape shape) {
        return createKey(accountName, readOnly ? AccessPolicy.READ_ONLY : AccessPolicy.ALLOW_ALL, hidesSecrets, shape);
    }

    /**
     * A new enabled key of the account held to {@code policy}, whose resources and regions are
     * canonical ids (the caller resolves what an operator typed).
     */
    public AccessKey createKey(String accountName, AccessPolicy policy, boolean hidesSecrets, KeyShape shape) {
        return storage.write(s -> {
            var key = newKey(account(s, accountName).id(), policy, hidesSecrets, shape);
            s.accounts().insertKey(key);
            return key;
        });
    }

    /**
     * Enables or disables a key of the account; false when the account has no such key. Nodes that
     * looked the key up lately may honour its old state for a few seconds (see KeyDirectory).
     */
    public boolean setKeyEnabled(String accountName, String keyId, boolean enabled) {
        return storage.write(s -> ownedKey(s, accountName, keyId) && s.accounts().setKeyEnabled(keyId, enabled));
    }

    /**
     * Replaces a key's policy (resources and regions as canonical ids); false when the account has
     * no such key. Nodes that looked the key up lately may hold it to its old policy for a few seconds.
     */
    public boolean setKeyPolicy(String accountName, String keyId, AccessPolicy policy) {
        return storage.write(s -> ownedKey(s, accountName, keyId) && s.accounts().setKeyPolicy(keyId, policy));
    }

    /** Deletes a key of the account; false when the account has no such key. */
    public boolean deleteKey(String accountName, String keyId) {
        return storage.write(s -> ownedKey(s, accountName, keyId) && s.accounts().deleteKey(keyId));
    }

    private static boolean ownedKey(Stores s, String accountName, String keyId) {
        var account = account(s, accountName);
        return s.accounts().findKey(keyId).filter(k -> k.accountId().equals(account.id())).isPresent();
    }

    private static Account account(Stores s, String accountName) {
        return s.accounts().findByName(accountName).orElseThrow(
                () -> new ProblemException(new Problem.NotFound(ResourceType.ACCOUNT, accountName)));
    }

    /**
     * Creates the demo account, its fixed keys and OpenStack user, and the admin project and user,
     * each unless it is already there.
     */
    public void ensureDemo() {
        ensureDemo(Map.of());
    }

    /**
     * As {@link #ensureDemo()}, with more fixed keys of the demo account (id to secret), in the shapes dialects want.
     */
    public void ensureDemo(Map<String, String> moreDemoKeys) {
        storage.write(s -> {
            var account = ensureAccount(s, DEMO_ACCOUNT);
            if (s.identities().findUserByName(DEMO_USER).isEmpty()) {
                s.identities().insertUser(newUser(account.id(), DEMO_USER, DEMO_PASSWORD_HASH, false));
            }
            var adminAccount = ensureAccount(s, ADMIN_ACCOUNT);
            if (s.identities().findUserByName(ADMIN_USER).isEmpty()) {
                s.identities().insertUser(newUser(adminAccount.id(), ADMIN_USER, ADMIN_PASSWORD_HASH, true));
            }
            if (s.accounts().findKey(DEMO_KEY_ID).isEmpty()) {
                s.accounts().insertKey(new AccessKey(DEMO_KEY_ID, new Secret(DEMO_KEY_SECRET), account.id(), false));
            }
            for (var key : moreDemoKeys.entrySet()) {
                if (s.accounts().findKey(key.getKey()).isEmpty()) {
                    s.accounts()
                            .insertKey(new AccessKey(key.getKey(), new Secret(key.getValue()), account.id(), false));
                }
            }
            return null;
        });
    }

    /**
     * Which of the demo's published credentials still work in this database: its fixed keys (and
     * {@code moreDemoKeys}, id to secret) while enabled with their published secret, and the demo
     * and admin users while their password is the published one. A server reachable from other
     * machines must not accept them unless the operator says so.
     */
    public List<String> publishedDemoCredentials(Map<String, String> moreDemoKeys) {
        var keys = new java.util.LinkedHashMap<String, String>();
        keys.put(DEMO_KEY_ID, DEMO_KEY_SECRET);
        keys.putAll(moreDemoKeys);
        return storage.read(s -> {
            var working = new java.util.ArrayList<String>();
            keys.forEach((id, secret) -> s.accounts().findKey(id)
                    .filter(key -> key.enabled() && key.secret().value().equals(secret))
                    .ifPresent(key -> working.add("access key " + id)));
            var published = Map.of(DEMO_USER, DEMO_PASSWORD_HASH, ADMIN_USER, ADMIN_PASSWORD_HASH);
            for (String[] user : new String[][] {{DEMO_USER, DEMO_PASSWORD}, {ADMIN_USER, ADMIN_PASSWORD}}) {
                s.identities().findUserByName(user[0]).filter(u -> u.passwordHash().equals(published.get(user[0]))
                        || Passwords.matches(user[1], u.passwordHash()))
                        .ifPresent(u -> working.add("OpenStack user " + user[0]));
            }
            return List.copyOf(working);
        });
    }

    private Account ensureAccount(Stores s, String name) {
        var account = s.accounts().findByName(name).orElse(null);
        if (account == null) {
            account = new Account(Identifiers.newId(), name, settings.clock().instant());
            s.accounts().insert(account);
        }
        return account;
    }

    /**
     * A new OpenStack user of the account, signing in with the password returned (shown once) and
     * held to the Neutron policy rules {@code policy} allows.
     */
    public Login createUser(String accountName, String userName, AccessPolicy policy) {
        if (userName == null || !userName.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) {
            throw new ProblemException(new Problem.InvalidValue(Field.USER_NAME, String.valueOf(userName),
                    "1 to 64 letters, digits, '_', '.' or '-', starting with a letter or digit"));
        }
        if (policy.limitsResources() || !policy.regions().isEmpty()) {
            throw new ProblemException(new Problem.InvalidValue(Field.USER_NAME, userName,
                    "a user's policy names actions only: Neutron calls are limited by project"));
        }
        return storage.write(s -> {
            var account = account(s, accountName);
            if (s.identities().findUserByName(userName).isPresent()) {
                throw new ProblemException(new Problem.AlreadyExists(ResourceType.ACCOUNT, Field.USER_NAME, userName));
            }
            String password = Passwords.generate();
            s.identities().insertUser(new User(Identifiers.newId(), account.id(), userName, Passwords.hash(password),
                    false, settings.clock().instant(), policy));
            return new Login(userName, new Secret(password));
        });
    }

    private User newUser(String accountId, String name, String password, boolean admin) {
        return newUser(accountId, name, Passwords.hash(password), admin);
    }

    private User newUser(String accountId, String name, Secret passwordHash, boolean admin) {
        return new User(Identifiers.newId(), accountId, name, passwordHash, admin, settings.clock().instant());
    }

    public List<Account> list() {
        return storage.read(s -> s.accounts().list());
    }

    /** Every key of the account, enabled or not. */
    public List<AccessKey> keysOf(String accountName) {
        return storage.read(s -> s.accounts().findByName(accountName).map(a -> s.accounts().keysOf(a.id())))
                .orElseThrow(() -> new ProblemException(new Problem.NotFound(ResourceType.ACCOUNT, accountName)));
    }

    /** The key that may sign as {@code keyId}: a disabled key is not found, exactly like a deleted one. */
    public Optional<AccessKey> findKey(String keyId) {
        return storage.read(s -> s.accounts().findKey(keyId)).filter(AccessKey::enabled);
    }

    private static AccessKey newKey(String accountId, AccessPolicy policy, boolean hidesSecrets, KeyShape shape) {
        return new AccessKey(shape.newId(), new Secret(shape.newSecret()), accountId, policy, hidesSecrets, true);
    }
}
