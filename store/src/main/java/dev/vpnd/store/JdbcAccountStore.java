package dev.vpnd.store;

import dev.vpnd.core.model.AccessKey;
import dev.vpnd.core.model.Account;
import dev.vpnd.core.port.AccountStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Accounts (unique names) and their access keys; key secrets are stored as text to verify signatures. */
final class JdbcAccountStore implements AccountStore {
    private static final String KEY_COLUMNS = "id, secret, account_id, read_only";

    private final Connection connection;
    private final SqlDialect dialect;

    JdbcAccountStore(Connection connection, SqlDialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    @Override
    public void insert(Account account) {
        Jdbc.update(connection, dialect, "INSERT INTO accounts (id, name, created_at) VALUES (?, ?, ?)",
                List.of(account.id(), account.name(), account.createdAt()));
    }

    @Override
    public Optional<Account> findByName(String name) {
        return Jdbc.queryOne(connection, dialect, "SELECT id, name, created_at FROM accounts WHERE name = ?",
                List.of(name), JdbcAccountStore::account);
    }

    @Override
    public List<Account> list() {
        return Jdbc.query(connection, dialect, "SELECT id, name, created_at FROM accounts ORDER BY name", List.of(),
                JdbcAccountStore::account);
    }

    /** The key record carries no creation time; the row gets the time of insertion, to order keysOf. */
    @Override
    public void insertKey(AccessKey key) {
        Jdbc.update(connection, dialect, "INSERT INTO access_keys (" + KEY_COLUMNS + ", created_at) "
                + "VALUES (?, ?, ?, ?, ?)",
                List.of(key.id(), key.secret(), key.accountId(), key.readOnly(), Instant.now()));
    }

    @Override
    public Optional<AccessKey> findKey(String keyId) {
        return Jdbc.queryOne(connection, dialect, "SELECT " + KEY_COLUMNS + " FROM access_keys WHERE id = ?",
                List.of(keyId), JdbcAccountStore::key);
    }

    @Override
    public List<AccessKey> keysOf(String accountId) {
        return Jdbc.query(connection, dialect, "SELECT " + KEY_COLUMNS + " FROM access_keys WHERE account_id = ? "
                + "ORDER BY created_at, id", List.of(accountId), JdbcAccountStore::key);
    }

    private static Account account(ResultSet rs) throws SQLException {
        return new Account(rs.getString("id"), rs.getString("name"), Rows.instant(rs, "created_at"));
    }

    private static AccessKey key(ResultSet rs) throws SQLException {
        return new AccessKey(rs.getString("id"), Rows.secret(rs, "secret"), rs.getString("account_id"),
                Rows.bool(rs, "read_only"));
    }
}
