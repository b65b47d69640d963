package dev.vpnd.store;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

/**
 * The database a test runs on: SQLite in a directory of the test's by default, or, when the system
 * property {@code vpnd.test.database} names a PostgreSQL server ({@code postgresql://HOST:PORT/DB?user=…}),
 * a fresh schema of its own there, dropped afterwards. The whole suite runs once per backend. Its
 * secrets are sealed with a key of its own ({@link #cipher}).
 */
public final class TestDatabase implements AutoCloseable {
    public static final String PROPERTY = "vpnd.test.database";

    private final Path sqliteFile;
    private final String postgresServer;
    private final String schema;
    private final byte[] key = SecretCipher.newKey();
    private final SecretCipher cipher = SecretCipher.of(java.util.List.of(key));

    private TestDatabase(Path sqliteFile, String postgresServer, String schema) {
        this.sqliteFile = sqliteFile;
        this.postgresServer = postgresServer;
        this.schema = schema;
    }

    /** A new, empty database; {@code dir} holds the SQLite file when the suite runs on SQLite. */
    public static TestDatabase create(Path dir) {
        String server = System.getProperty(PROPERTY, "");
        if (server.isBlank()) {
            return new TestDatabase(dir.resolve("vpnd.db"), null, null);
        }
        String schema = "vpnd_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (var connection = DriverManager.getConnection(jdbc(server));
                var statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test schema on " + server, e);
        }
        return new TestDatabase(null, server, schema);
    }

    public static boolean postgres() {
        return !System.getProperty(PROPERTY, "").isBlank();
    }

    /** The database URL vpnd takes ({@code --database}), or null for the SQLite default in the data directory. */
    public String url() {
        if (postgresServer == null) {
            return null;
        }
        return postgresServer + (postgresServer.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public JdbcStorage open() {
        return open(cipher);
    }

    /** Opens the database with another key ring (a node given the wrong key, a rotation). */
    public JdbcStorage open(SecretCipher otherCipher) {
        return postgresServer == null ? JdbcStorage.sqlite(sqliteFile, otherCipher)
                : JdbcStorage.postgres(url(), otherCipher);
    }

    /** The one key of {@link #cipher}. */
    public byte[] key() {
        return key.clone();
    }

    /** The key ring {@link #open()} seals with. */
    public SecretCipher cipher() {
        return cipher;
    }

    public String describe() {
        return postgresServer == null ? "sqlite" : "postgresql schema " + schema;
    }

    @Override
    public void close() {
        if (postgresServer == null) {
            return;
        }
        try (var connection = DriverManager.getConnection(jdbc(postgresServer));
                var statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA " + schema.toLowerCase(Locale.ROOT) + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test schema " + schema, e);
        }
    }

    private static String jdbc(String url) {
        return url.startsWith("jdbc:") ? url : "jdbc:" + url;
    }
}
