package dev.vpnd.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnd.core.model.Account;
import dev.vpnd.core.model.Secret;
import dev.vpnd.core.model.TokenGrant;
import dev.vpnd.core.model.User;
import dev.vpnd.core.port.Stores;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IdentityStoreTest extends StoreTestBase {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void usersAndTokens() {
        var user = new User("u1", "a1", "alice", new Secret("pbkdf2-sha256$1$x$y"), true, NOW);
        var live = new TokenGrant("h1", "u1", "a1", NOW, NOW.plusSeconds(3600));
        var old = new TokenGrant("h2", "u1", "a1", NOW.minusSeconds(7200), NOW.minusSeconds(3600));
        storage.write(s -> {
            s.accounts().insert(new Account("a1", "alice", NOW));
            s.identities().insertUser(user);
            s.identities().insertToken(live);
            s.identities().insertToken(old);
            return null;
        });
        assertThat(storage.read((Stores s) -> s.identities().findUserByName("alice"))).contains(user);
        assertThat(storage.read((Stores s) -> s.identities().findUser("u1"))).contains(user);
        assertThat(storage.read((Stores s) -> s.identities().usersOf("a1"))).containsExactly(user);
        assertThat(storage.read((Stores s) -> s.accounts().find("a1"))).isPresent();
        storage.write(s -> {
            s.identities().purgeTokens(NOW);
            return null;
        });
        assertThat(storage.read((Stores s) -> s.identities().findToken("h1"))).contains(live);
        assertThat(storage.read((Stores s) -> s.identities().findToken("h2"))).isEmpty();
        assertThat((boolean) storage.write((Stores s) -> s.identities().deleteToken("h1"))).isTrue();
        assertThat((boolean) storage.write((Stores s) -> s.identities().deleteToken("h1"))).isFalse();
    }

    @Test
    void userNamesAreUnique() {
        storage.write(s -> {
            s.accounts().insert(new Account("a1", "alice", NOW));
            s.identities().insertUser(new User("u1", "a1", "alice", new Secret("h"), false, NOW));
            return null;
        });
        assertThatThrownBy(() -> storage.write(s -> {
            s.identities().insertUser(new User("u2", "a1", "alice", new Secret("h"), false, NOW));
            return null;
        })).isInstanceOf(RuntimeException.class);
    }
}
