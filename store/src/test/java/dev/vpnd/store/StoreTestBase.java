package dev.vpnd.store;

import dev.vpnd.core.model.Scope;
import dev.vpnd.core.model.Tag;
import dev.vpnd.core.problem.ResourceType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Opens a fresh SQLite database file in a temporary directory for each test. */
abstract class StoreTestBase {
    @TempDir
    Path dir;
    JdbcStorage storage;

    @BeforeEach
    void open() {
        storage = JdbcStorage.sqlite(databaseFile());
    }

    @AfterEach
    void close() {
        if (storage != null) {
            storage.close();
        }
    }

    Path databaseFile() {
        return dir.resolve("data").resolve("vpnd.db");
    }

    void reopen() {
        storage.close();
        storage = JdbcStorage.sqlite(databaseFile());
    }

    /** Stores tags the way services do, after the resource itself. */
    void putTags(Scope scope, ResourceType type, String id, Tag... tags) {
        storage.write(s -> {
            s.tags().put(scope, type, id, List.of(tags));
            return null;
        });
    }
}
