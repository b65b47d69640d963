package dev.vpnd.core.memory;

import dev.vpnd.core.model.TokenGrant;
import dev.vpnd.core.model.User;
import dev.vpnd.core.port.IdentityStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** User names are unique; a user belongs to an existing account, a token to an existing user. */
final class MemoryIdentityStore implements IdentityStore {
    private final MemoryState state;

    MemoryIdentityStore(MemoryState state) {
        this.state = state;
    }

    @Override
    public void insertUser(User user) {
        state.checkWritable();
        state.requireAccount(user.accountId());
        if (state.users.containsKey(user.id()) || findUserByName(user.name()).isPresent()) {
            throw new IllegalStateException("duplicate user " + user.name());
        }
        state.users.put(user.id(), user);
    }

    @Override
    public Optional<User> findUser(String id) {
        return Optional.ofNullable(state.users.get(id));
    }

    @Override
    public Optional<User> findUserByName(String name) {
        return state.users.values().stream().filter(u -> u.name().equals(name)).findFirst();
    }

    /** By name, as the store lists them. */
    @Override
    public List<User> usersOf(String accountId) {
        return state.users.values().stream().filter(u -> u.accountId().equals(accountId))
                .sorted(Comparator.comparing(User::name)).toList();
    }

    @Override
    public void insertToken(TokenGrant grant) {
        state.checkWritable();
        if (!state.users.containsKey(grant.userId()) || state.tokens.containsKey(grant.tokenHash())) {
            throw new IllegalStateException("a token of no user, or issued twice");
        }
        state.tokens.put(grant.tokenHash(), grant);
    }

    @Override
    public Optional<TokenGrant> findToken(String tokenHash) {
        return Optional.ofNullable(state.tokens.get(tokenHash));
    }

    @Override
    public boolean deleteToken(String tokenHash) {
        state.checkWritable();
        return state.tokens.remove(tokenHash) != null;
    }

    @Override
    public void purgeTokens(Instant now) {
        state.checkWritable();
        state.tokens.values().removeIf(grant -> grant.expiresAt().isBefore(now));
    }
}
