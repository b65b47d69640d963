package dev.vpnd.core.port;

import dev.vpnd.core.model.TokenGrant;
import dev.vpnd.core.model.User;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** OpenStack users (names unique, as in Keystone's single Default domain) and their tokens. */
public interface IdentityStore {
    void insertUser(User user);

    Optional<User> findUser(String id);

    Optional<User> findUserByName(String name);

    List<User> usersOf(String accountId);

    void insertToken(TokenGrant grant);

    Optional<TokenGrant> findToken(String tokenHash);

    /** Removes the token; false when there was none. */
    boolean deleteToken(String tokenHash);

    /** Removes every token that expired before {@code now}. */
    void purgeTokens(Instant now);
}
