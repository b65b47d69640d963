package dev.vpnd.store;

import dev.vpnd.core.model.Scope;
import dev.vpnd.core.model.Tag;
import dev.vpnd.core.problem.ResourceType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a fresh database for each test: SQLite in a temporary directory, or a PostgreSQL schema
 * (see {@link TestDatabase}).
 */
abstract class StoreTestBase {
    @TempDir
    Path dir;
    TestDatabase database;
    JdbcStorage storage;

    @BeforeEach
    void open() {
        database = TestDatabase.create(dir.resolve("data"));
        storage = database.open();
    }

    @AfterEach
    void close() {
        if (storage != null) {
            storage.close();
        }
        database.close();
    }

    /** The SQLite file of the test (SQLite-only tests). */
    Path databaseFile() {
        return dir.resolve("data").resolve("vpnd.db");
    }

    void reopen() {
        storage.close();
        storage = database.open();
    }

    /** Stores tags the way services do, after the resource itself. */
    void putTags(Scope scope, ResourceType type, String id, Tag... tags) {
        storage.write(s -> {
            s.tags().put(scope, type, id, List.of(tags));
            return null;
        });
    }
}
