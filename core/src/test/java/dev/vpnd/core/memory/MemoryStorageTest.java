package dev.vpnd.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpnd.core.model.Account;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-memory storage keeps the two promises of the port the service tests rely on. */
class MemoryStorageTest {
    private final MemoryStorage storage = new MemoryStorage();

    private static Account account(String name) {
        return new Account("id-" + name, name, Instant.EPOCH);
    }

    private List<Account> accounts() {
        return storage.read(s -> s.accounts().list());
    }

    @Test
    void aWriteThatThrowsLeavesNothingBehind() {
        assertThatThrownBy(() -> storage.write(s -> {
            s.accounts().insert(account("a"));
            throw new IllegalStateException("refused after the insert");
        })).hasMessage("refused after the insert");
        assertThat(accounts()).isEmpty();

        storage.write(s -> {
            s.accounts().insert(account("b"));
            return null;
        });
        assertThat(accounts()).containsExactly(account("b"));
    }

    @Test
    void aReadMayNotWrite() {
        assertThatThrownBy(() -> storage.read(s -> {
            s.accounts().insert(account("a"));
            return null;
        })).isInstanceOf(IllegalStateException.class);
        assertThat(accounts()).isEmpty();
    }
}
