package dev.vpnd.core.service;

import dev.vpnd.core.model.AccessPolicy;
import dev.vpnd.core.model.Account;
import dev.vpnd.core.model.Secret;
import dev.vpnd.core.model.TokenGrant;
import dev.vpnd.core.model.User;
import dev.vpnd.core.port.Storage;
import dev.vpnd.core.port.Stores;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Signs OpenStack users in and checks their tokens. A token is 32 random bytes (hex), stored only
 * as its SHA-256, and scoped to the user's project (its account); it expires after
 * {@link #TOKEN_LIFETIME}, Keystone's default.
 */
public final class IdentityService {
    public static final Duration TOKEN_LIFETIME = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int PURGE_EVERY = 100;

    private final Storage storage;
    private final ServiceSettings settings;
    private final java.util.concurrent.atomic.AtomicLong issued = new java.util.concurrent.atomic.AtomicLong();

    public IdentityService(Storage storage, ServiceSettings settings) {
        this.storage = storage;
        this.settings = settings;
    }

    /** A hash of a random password with the current cost, made once when first needed. */
    private static final class UnknownUser {
        static final Secret HASH = Passwords.hash(Passwords.generate());
    }

    /** Who a token speaks for, and until when. */
    public record Session(User user, Account project, Instant issuedAt, Instant expiresAt) {
        /**
         * Keystone's implied roles: admin implies member, member implies reader; a user held to
         * {@link AccessPolicy#READER} is a reader only.
         */
        public List<String> roles() {
            if (user.admin()) {
                return List.of("admin", "member", "reader");
            }
            return user.policy().equals(AccessPolicy.READER) ? List.of("reader") : List.of("member", "reader");
        }

        public boolean admin() {
            return user.admin();
        }
    }

    /** A new token (shown once, never stored) and its session. */
    public record Issued(String token, Session session) {
        @Override
        public String toString() {
            return "Issued[token=****, session=" + session + "]";
        }
    }

    /**
     * The id of the user named {@code userName}, so that failed sign-ins naming a user by name and
     * by id count together.
     */
    public Optional<String> userIdOf(String userName) {
        return storage.read(s -> s.identities().findUserByName(userName)).map(User::id);
    }

    /**
     * Who signs in, by user id or name, and for which project, by id or name; a null project asks for
     * the user's own. Empty when any of it does not match, so a caller cannot tell which part was wrong.
     */
    public Optional<Issued> signIn(String userId, String userName, String password, String projectId,
            String projectName) {
        if (password == null) {
            return Optional.empty();
        }
        Optional<User> found = storage.read(s -> userId != null ? s.identities().findUser(userId)
                : userName != null ? s.identities().findUserByName(userName) : Optional.empty());
        if (found.isEmpty()) {
            // The same derivation a known user's check costs, so the time taken does not tell who exists.
            Passwords.matches(password, UnknownUser.HASH);
            return Optional.empty();
        }
        if (!Passwords.matches(password, found.get().passwordHash())) {
            return Optional.empty();
        }
        User user = found.get();
        return storage.write(s -> {
            Account project = s.accounts().find(user.accountId()).orElse(null);
            if (project == null || !names(project, projectId, projectName)) {
                return Optional.empty();
            }
            Instant now = settings.clock().instant();
            return Optional.of(issue(s, user, project, now, now.plus(TOKEN_LIFETIME)));
        });
    }

    /**
     * A new token for the user and project of a valid {@code token}, scoped to the project named by
     * id or name (null: the same one). It expires when the original does, as Keystone's token method
     * has it, so exchanging tokens never extends a session. Empty when the token is not valid or the
     * project is not the user's.
     */
    public Optional<Issued> exchange(String token, String projectId, String projectName) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        Instant now = settings.clock().instant();
        // Checked and issued in one transaction: a token revoked meanwhile is exchanged for nothing.
        return storage.write(s -> s.identities().findToken(sha256(token))
                .filter(grant -> now.isBefore(grant.expiresAt()))
                .flatMap(grant -> s.identities().findUser(grant.userId())
                        .flatMap(user -> s.accounts().find(grant.accountId())
                                .filter(project -> names(project, projectId, projectName))
                                .map(project -> issue(s, user, project, now, grant.expiresAt())))));
    }

    /** Whether the project is the one named by id and by name, where either is given. */
    private static boolean names(Account project, String projectId, String projectName) {
        return (projectId == null || projectId.equals(project.id()))
                && (projectName == null || projectName.equals(project.name()));
    }

    private Issued issue(Stores s, User user, Account project, Instant now, Instant expiresAt) {
        if (issued.incrementAndGet() % PURGE_EVERY == 0) {
            s.identities().purgeTokens(now);
        }
        String token = newToken();
        var grant = new TokenGrant(sha256(token), user.id(), project.id(), now, expiresAt);
        s.identities().insertToken(grant);
        return new Issued(token, new Session(user, project, grant.issuedAt(), grant.expiresAt()));
    }

    /** The session of a token that exists and has not expired. */
    public Optional<Session> validate(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        Instant now = settings.clock().instant();
        return storage.read(s -> s.identities().findToken(sha256(token))
                .filter(grant -> now.isBefore(grant.expiresAt()))
                .flatMap(grant -> s.identities().findUser(grant.userId())
                        .flatMap(user -> s.accounts().find(grant.accountId())
                                .map(project -> new Session(user, project, grant.issuedAt(), grant.expiresAt())))));
    }

    /** Revokes a token; false when it did not exist. */
    public boolean revoke(String token) {
        return token != null && storage.write(s -> s.identities().deleteToken(sha256(token)));
    }

    /** The project (account) of this id, for admins acting on another project. */
    public Optional<Account> project(String id) {
        return storage.read(s -> s.accounts().find(id));
    }

    public List<User> usersOf(String accountId) {
        return storage.read(s -> s.identities().usersOf(accountId));
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
