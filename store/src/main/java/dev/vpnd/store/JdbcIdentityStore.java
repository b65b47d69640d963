package dev.vpnd.store;

import dev.vpnd.core.model.TokenGrant;
import dev.vpnd.core.model.User;
import dev.vpnd.core.port.IdentityStore;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** OpenStack users in {@code openstack_users}, token hashes in {@code openstack_tokens}. */
final class JdbcIdentityStore implements IdentityStore {
    /** Read in this order by {@link #user}. */
    private static final String USER_COLUMNS = "id, account_id, name, password_hash, is_admin, created_at, "
            + "allow_actions";
    /** Read in this order by {@link #grant}. */
    private static final String TOKEN_COLUMNS = "token_hash, user_id, account_id, issued_at, expires_at";

    private final Jdbc db;

    JdbcIdentityStore(Jdbc db) {
        this.db = db;
    }

    @Override
    public void insertUser(User user) {
        db.update("INSERT INTO openstack_users (" + USER_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                List.of(user.id(), user.accountId(), user.name(), passwordSlot(user.id()).with(user.passwordHash()),
                        user.admin(), user.createdAt(), PolicyColumns.actions(user.policy())));
    }

    @Override
    public Optional<User> findUser(String id) {
        return db.queryOne("SELECT " + USER_COLUMNS + " FROM openstack_users WHERE id = ?", List.of(id),
                JdbcIdentityStore::user);
    }

    @Override
    public Optional<User> findUserByName(String name) {
        return db.queryOne("SELECT " + USER_COLUMNS + " FROM openstack_users WHERE name = ?", List.of(name),
                JdbcIdentityStore::user);
    }

    @Override
    public List<User> usersOf(String accountId) {
        return db.query("SELECT " + USER_COLUMNS + " FROM openstack_users WHERE account_id = ? ORDER BY name",
                List.of(accountId), JdbcIdentityStore::user);
    }

    @Override
    public void insertToken(TokenGrant grant) {
        db.update("INSERT INTO openstack_tokens (" + TOKEN_COLUMNS + ") VALUES (?, ?, ?, ?, ?)",
                List.of(grant.tokenHash(), grant.userId(), grant.accountId(), grant.issuedAt(), grant.expiresAt()));
    }

    @Override
    public Optional<TokenGrant> findToken(String tokenHash) {
        return db.queryOne("SELECT " + TOKEN_COLUMNS + " FROM openstack_tokens WHERE token_hash = ?",
                List.of(tokenHash), JdbcIdentityStore::grant);
    }

    @Override
    public boolean deleteToken(String tokenHash) {
        return db.update("DELETE FROM openstack_tokens WHERE token_hash = ?", List.of(tokenHash)) == 1;
    }

    @Override
    public void purgeTokens(Instant now) {
        db.update("DELETE FROM openstack_tokens WHERE expires_at < ?", List.of(now));
    }

    private static SecretSlot passwordSlot(String userId) {
        return SecretSlot.of("openstack_users", "password_hash", userId);
    }

    private static User user(Row row) throws SQLException {
        String id = row.text();
        String accountId = row.text();
        String name = row.text();
        var hash = row.secret(passwordSlot(id));
        boolean admin = row.bool();
        var createdAt = row.instant();
        return new User(id, accountId, name, hash, admin, createdAt, PolicyColumns.policy(row.text(), "", ""));
    }

    private static TokenGrant grant(Row row) throws SQLException {
        String hash = row.text();
        String userId = row.text();
        String accountId = row.text();
        Instant issuedAt = row.instant();
        return new TokenGrant(hash, userId, accountId, issuedAt, row.instant());
    }
}
