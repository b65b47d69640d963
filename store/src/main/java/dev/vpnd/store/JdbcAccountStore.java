package dev.vpnd.store;

import dev.vpnd.core.model.AccessKey;
import dev.vpnd.core.model.AccessPolicy;
import dev.vpnd.core.model.Account;
import dev.vpnd.core.port.AccountStore;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Accounts (unique names) and their access keys. A key's secret must be read back to verify
 * signatures, so it is sealed ({@link SecretCipher}), not hashed; its id stays plain for lookups.
 */
final class JdbcAccountStore implements AccountStore {
    /** Read in this order by {@link #key}. */
    private static final String KEY_COLUMNS = "id, secret, account_id, hide_secrets, enabled, "
            + "allow_actions, allow_resources, allow_regions";
    /** Read in this order by {@link #account}. */
    private static final String ACCOUNT_COLUMNS = "id, name, created_at";

    private final Jdbc db;

    JdbcAccountStore(Jdbc db) {
        this.db = db;
    }

    @Override
    public void insert(Account account) {
        db.update("INSERT INTO accounts (id, name, created_at) VALUES (?, ?, ?)",
                List.of(account.id(), account.name(), account.createdAt()));
    }

    @Override
    public Optional<Account> find(String id) {
        return db.queryOne("SELECT " + ACCOUNT_COLUMNS + " FROM accounts WHERE id = ?",
                List.of(id), JdbcAccountStore::account);
    }

    @Override
    public Optional<Account> findByName(String name) {
        return db.queryOne("SELECT " + ACCOUNT_COLUMNS + " FROM accounts WHERE name = ?",
                List.of(name), JdbcAccountStore::account);
    }

    @Override
    public List<Account> list() {
        return db.query("SELECT " + ACCOUNT_COLUMNS + " FROM accounts ORDER BY name", List.of(),
                JdbcAccountStore::account);
    }

    /**
     * The key record carries no creation time; the row gets the time of insertion, to order keysOf.
     * {@code read_only} is set for every limited key, for nodes older than policies (migration V22).
     */
    @Override
    public void insertKey(AccessKey key) {
        db.update("INSERT INTO access_keys (" + KEY_COLUMNS + ", read_only, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                List.of(key.id(), secretSlot(key.id()).with(key.secret()), key.accountId(), key.hidesSecrets(),
                        key.enabled(), PolicyColumns.actions(key.policy()),
                        PolicyColumns.join(key.policy().resources()),
                        PolicyColumns.join(key.policy().regions()), !key.policy().equals(AccessPolicy.ALLOW_ALL),
                        Instant.now()));
    }

    @Override
    public Optional<AccessKey> findKey(String keyId) {
        return db.queryOne("SELECT " + KEY_COLUMNS + " FROM access_keys WHERE id = ?",
                List.of(keyId), JdbcAccountStore::key);
    }

    @Override
    public boolean setKeyEnabled(String keyId, boolean enabled) {
        return db.update("UPDATE access_keys SET enabled = ? WHERE id = ?", List.of(enabled, keyId)) == 1;
    }

    /** {@code read_only} follows the policy as insertKey sets it, for nodes older than policies. */
    @Override
    public boolean setKeyPolicy(String keyId, AccessPolicy policy) {
        return db.update("UPDATE access_keys SET allow_actions = ?, allow_resources = ?, allow_regions = ?, "
                + "read_only = ? WHERE id = ?", List.of(PolicyColumns.actions(policy),
                        PolicyColumns.join(policy.resources()), PolicyColumns.join(policy.regions()),
                        !policy.equals(AccessPolicy.ALLOW_ALL), keyId)) == 1;
    }

    @Override
    public boolean deleteKey(String keyId) {
        return db.update("DELETE FROM access_keys WHERE id = ?", List.of(keyId)) == 1;
    }

    @Override
    public List<AccessKey> keysOf(String accountId) {
        return db.query("SELECT " + KEY_COLUMNS + " FROM access_keys WHERE account_id = ? "
                + "ORDER BY created_at, id", List.of(accountId), JdbcAccountStore::key);
    }

    private static Account account(Row row) throws SQLException {
        String id = row.text();
        String name = row.text();
        return new Account(id, name, row.instant());
    }

    private static SecretSlot secretSlot(String keyId) {
        return SecretSlot.of("access_keys", "secret", keyId);
    }

    private static AccessKey key(Row row) throws SQLException {
        String id = row.text();
        var secret = row.secret(secretSlot(id));
        String accountId = row.text();
        boolean hidesSecrets = row.bool();
        boolean enabled = row.bool();
        var policy = PolicyColumns.policy(row.text(), row.text(), row.text());
        return new AccessKey(id, secret, accountId, policy, hidesSecrets, enabled);
    }
}
