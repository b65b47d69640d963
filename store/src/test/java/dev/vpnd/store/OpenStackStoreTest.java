package dev.vpnd.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpnd.core.model.Account;
import dev.vpnd.core.model.OpenStackResource;
import dev.vpnd.core.port.Stores;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OpenStackStoreTest extends StoreTestBase {

    @Test
    void documentsByKindInIdOrder() {
        var b = new OpenStackResource("ikepolicies", "b", "p1", "{\"name\": \"b\"}");
        var a = new OpenStackResource("ikepolicies", "a", "p1", "{\"name\": \"a\"}");
        var other = new OpenStackResource("networks", "a", "p1", "{}");
        storage.write(s -> {
            s.accounts().insert(new Account("p1", "p1", Instant.EPOCH));
            s.openStack().insert(b);
            s.openStack().insert(a);
            s.openStack().insert(other);
            return null;
        });
        assertThat(storage.read((Stores s) -> s.openStack().list("ikepolicies"))).containsExactly(a, b);
        assertThat(storage.read((Stores s) -> s.openStack().find("networks", "a"))).contains(other);
        var renamed = new OpenStackResource("ikepolicies", "a", "p1", "{\"name\": \"z\"}");
        assertThat((boolean) storage.write((Stores s) -> s.openStack().update(renamed))).isTrue();
        assertThat(storage.read((Stores s) -> s.openStack().find("ikepolicies", "a"))).contains(renamed);
        assertThat((boolean) storage.write((Stores s) -> s.openStack().delete("ikepolicies", "a"))).isTrue();
        assertThat((boolean) storage.write((Stores s) -> s.openStack().delete("ikepolicies", "a"))).isFalse();
        assertThat(storage.read((Stores s) -> s.openStack().find("ikepolicies", "a"))).isEmpty();
    }
}
