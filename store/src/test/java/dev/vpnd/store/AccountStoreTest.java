package dev.vpnd.store;

import static dev.vpnd.store.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnd.core.port.Stores;
import dev.vpnd.core.model.AccessKey;
import dev.vpnd.core.model.AccessPolicy;
import dev.vpnd.core.model.Account;
import dev.vpnd.core.model.Secret;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccountStoreTest extends StoreTestBase {

    @Test
    void accountsAndKeys() {
        var bob = new Account("id-bob", "bob", NOW);
        var alice = new Account("id-alice", "alice", NOW.plusSeconds(1));
        var k1 = new AccessKey("k1", new Secret("secret-1"), "id-bob", false);
        var k2 = new AccessKey("k2", new Secret("secret-2"), "id-bob", true);
        storage.write((Stores s) -> {
            s.accounts().insert(bob);
            s.accounts().insert(alice);
            s.accounts().insertKey(k1);
            s.accounts().insertKey(k2);
            return null;
        });

        assertThat(storage.read((Stores s) -> s.accounts().findByName("bob"))).contains(bob);
        assertThat(storage.read((Stores s) -> s.accounts().findByName("carol"))).isEmpty();
        assertThat(storage.read((Stores s) -> s.accounts().list())).containsExactly(alice, bob);
        assertThat(storage.read((Stores s) -> s.accounts().findKey("k2"))).contains(k2);
        assertThat(storage.read((Stores s) -> s.accounts().findKey("k3"))).isEmpty();
        assertThat(storage.read((Stores s) -> s.accounts().keysOf("id-bob"))).containsExactlyInAnyOrder(k1, k2);
        assertThat(storage.read((Stores s) -> s.accounts().keysOf("id-alice"))).isEmpty();
    }

    @Test
    void namesAreUniqueAndKeysNeedAnAccount() {
        storage.write((Stores s) -> {
            s.accounts().insert(new Account("id-1", "bob", NOW));
            return null;
        });
        assertThatThrownBy(() -> storage.write((Stores s) -> {
            s.accounts().insert(new Account("id-2", "bob", NOW));
            return null;
        })).isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.uniqueViolation()).isTrue());
        assertThatThrownBy(() -> storage.write((Stores s) -> {
            s.accounts().insertKey(new AccessKey("k", new Secret("s"), "no-such-account", false));
            return null;
        })).isInstanceOf(StorageException.class);
    }

    @Test
    void keysKeepTheirOptionsAndCanBeDisabledAndDeleted() {
        var policy = new AccessPolicy(List.of("Describe*", "CreateVpnConnection"), Set.of("gw-2", "gw-1"),
                Set.of("region-1"));
        var key = new AccessKey("k1", new Secret("secret-1"), "id-bob", policy, true, true);
        storage.write((Stores s) -> {
            s.accounts().insert(new Account("id-bob", "bob", NOW));
            s.accounts().insertKey(key);
            return null;
        });
        assertThat(storage.read((Stores s) -> s.accounts().findKey("k1"))).contains(key);

        assertThat(storage.write((Stores s) -> s.accounts().setKeyEnabled("k1", false))).isTrue();
        assertThat(storage.read((Stores s) -> s.accounts().findKey("k1"))).contains(key.withEnabled(false));
        assertThat(storage.write((Stores s) -> s.accounts().setKeyEnabled("k1", true))).isTrue();
        assertThat(storage.read((Stores s) -> s.accounts().findKey("k1"))).contains(key);
        assertThat(storage.write((Stores s) -> s.accounts().setKeyEnabled("nope", false))).isFalse();

        assertThat(storage.write((Stores s) -> s.accounts().setKeyPolicy("k1", AccessPolicy.READ_ONLY))).isTrue();
        assertThat(storage.read((Stores s) -> s.accounts().findKey("k1"))).contains(key.withPolicy(
                AccessPolicy.READ_ONLY));
        assertThat(storage.write((Stores s) -> s.accounts().setKeyPolicy("k1", policy))).isTrue();
        assertThat(storage.read((Stores s) -> s.accounts().findKey("k1"))).contains(key);
        assertThat(storage.write((Stores s) -> s.accounts().setKeyPolicy("nope", policy))).isFalse();

        assertThat(storage.write((Stores s) -> s.accounts().deleteKey("k1"))).isTrue();
        assertThat(storage.read((Stores s) -> s.accounts().findKey("k1"))).isEmpty();
        assertThat(storage.read((Stores s) -> s.accounts().keysOf("id-bob"))).isEmpty();
        assertThat(storage.write((Stores s) -> s.accounts().deleteKey("k1"))).isFalse();
    }
}
