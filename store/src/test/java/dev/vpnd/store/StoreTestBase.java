package dev.vpnd.store;

import dev.vpnd.core.model.Scope;
import dev.vpnd.core.model.Tag;
import dev.vpnd.core.problem.ResourceType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.Flyway;
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

    /**
     * Replaces the test's SQLite database with a new one whose schema is as migration {@code version}
     * left it, and connects to it: a migration's test writes rows in that schema with plain SQL,
     * closes the connection and {@link #reopen}s, which runs every later migration.
     */
    Connection olderSchema(String version) throws SQLException, IOException {
        storage.close();
        storage = null;
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(Path.of(databaseFile() + suffix));
        }
        String url = "jdbc:sqlite:" + databaseFile();
        Flyway.configure(JdbcStorage.class.getClassLoader())
                .dataSource(url, null, null)
                .locations(SqlDialect.SQLITE.migrationLocations())
                .target(version)
                .load()
                .migrate();
        return DriverManager.getConnection(url);
    }

    void reopen() {
        if (storage == null) {
            storage = database.open();
            return;
        }
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
