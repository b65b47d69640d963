package dev.vpnd.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.vpnd.core.port.Storage;
import dev.vpnd.core.port.Stores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * {@link Storage} over JDBC. Writes go through a pool of exactly one connection, so writers are
 * serialized and each write transaction holds the database's write lock from its first statement
 * (SQLite {@code BEGIN IMMEDIATE}); reads use a small pool of read-only connections, each read one
 * deferred transaction, hence one snapshot. The schema comes from the Flyway migrations in
 * {@code classpath:db/migration}.
 */
public final class JdbcStorage implements Storage {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcStorage.class);
    private static final int READ_CONNECTIONS = 4;
    private static final int POSTGRES_CONNECTIONS = 8;
    /** Attempts of a write that keeps meeting deadlocks or unique violations before the failure is reported. */
    private static final int MAX_WRITE_ATTEMPTS = 12;
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;
    /**
     * Refreshes the planner statistics of tables that grew or shrank a lot (cheap otherwise). Without
     * them SQLite walks a whole scope instead of starting from the tags index when a list filters by
     * tag. Run whenever the pool opens the write connection, i.e. at start and after each maxLifetime.
     */
    private static final String SQLITE_OPTIMIZE = "PRAGMA optimize=0x10002";

    private final SqlDialect dialect;
    private final HikariDataSource writePool;
    private final HikariDataSource readPool;
    /** The single write connection is not re-entrant: a write inside a write would wait for itself. */
    private final ThreadLocal<Boolean> inWrite = new ThreadLocal<>();

    private JdbcStorage(SqlDialect dialect, HikariDataSource writePool, HikariDataSource readPool) {
        this.dialect = dialect;
        this.writePool = writePool;
        this.readPool = readPool;
    }

    /** Opens (creating it and its parent directories if need be) and migrates a SQLite database file. */
    public static JdbcStorage sqlite(Path databaseFile) {
        Path file = databaseFile.toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory of " + file, e);
        }
        String url = "jdbc:sqlite:" + file;
        migrate(sqliteDataSource(url, sqliteConfig(SQLiteConfig.TransactionMode.DEFERRED, false)), SqlDialect.SQLITE);
        var write = pool("vpnd-write", sqliteDataSource(url, sqliteConfig(SQLiteConfig.TransactionMode.IMMEDIATE,
                false)), 1, false, SQLITE_OPTIMIZE);
        try {
            var read = pool("vpnd-read", sqliteDataSource(url, sqliteConfig(SQLiteConfig.TransactionMode.DEFERRED,
                    true)), READ_CONNECTIONS, true, null);
            return new JdbcStorage(SqlDialect.SQLITE, write, read);
        } catch (RuntimeException e) {
            write.close();
            throw e;
        }
    }

    /**
     * Opens and migrates a PostgreSQL database, given as {@code postgresql://HOST:PORT/DB?user=…}
     * (or a {@code jdbc:postgresql:} URL), which any number of vpnd nodes may share. Writes run READ
     * COMMITTED and lock the rows they read (so their checks still hold at commit), and are retried
     * after a deadlock or a unique violation; reads run REPEATABLE READ, one snapshot per read.
     */
    public static JdbcStorage postgres(String url) {
        String jdbcUrl = url.startsWith("jdbc:") ? url : "jdbc:" + url;
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("not a PostgreSQL URL: " + url);
        }
        var write = postgresPool("vpnd-write", jdbcUrl, POSTGRES_CONNECTIONS, false,
                Connection.TRANSACTION_READ_COMMITTED);
        try {
            migrate(write, SqlDialect.POSTGRESQL);
            var read = postgresPool("vpnd-read", jdbcUrl, POSTGRES_CONNECTIONS, true,
                    Connection.TRANSACTION_REPEATABLE_READ);
            return new JdbcStorage(SqlDialect.POSTGRESQL, write, read);
        } catch (RuntimeException e) {
            write.close();
            throw e;
        }
    }

    private static HikariDataSource postgresPool(String name, String jdbcUrl, int size, boolean readOnly,
            int isolation) {
        var config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        config.setAutoCommit(true);
        config.setReadOnly(readOnly);
        config.setTransactionIsolation(isolation == Connection.TRANSACTION_READ_COMMITTED
                ? "TRANSACTION_READ_COMMITTED" : "TRANSACTION_REPEATABLE_READ");
        return new HikariDataSource(config);
    }

    /**
     * Brings the schema up to date; safe to run on every start, and from several nodes at once
     * (Flyway serializes concurrent migrations with a database lock). One schema history: the shared
     * migrations in {@code db/migration} plus, for PostgreSQL only, {@code db/postgresql}.
     */
    static void migrate(DataSource dataSource, SqlDialect dialect) {
        var result = Flyway.configure(JdbcStorage.class.getClassLoader())
                .dataSource(dataSource)
                .locations(dialect.migrationLocations())
                .failOnMissingLocations(true)
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
            LOG.info("database schema migrated to version {}", result.targetSchemaVersion);
        }
    }

    private static SQLiteConfig sqliteConfig(SQLiteConfig.TransactionMode mode, boolean readOnly) {
        var config = new SQLiteConfig();
        if (!readOnly) {
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        }
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.setTransactionMode(mode);
        config.setReadOnly(readOnly);
        return config;
    }

    private static SQLiteDataSource sqliteDataSource(String url, SQLiteConfig config) {
        var dataSource = new SQLiteDataSource(config);
        dataSource.setUrl(url);
        return dataSource;
    }

    private static HikariDataSource pool(String name, DataSource dataSource, int size, boolean readOnly,
            String initSql) {
        var config = new HikariConfig();
        config.setConnectionInitSql(initSql);
        config.setPoolName(name);
        config.setDataSource(dataSource);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        config.setAutoCommit(true);
        config.setReadOnly(readOnly);
        return new HikariDataSource(config);
    }

    /**
     * Runs {@code work} in one write transaction, committed (and, with synchronous=FULL, on disk)
     * before this returns. Any RuntimeException of the work rolls back and is rethrown unchanged.
     */
    @Override
    public <T> T write(Function<Stores, T> work) {
        if (inWrite.get() != null) {
            throw new IllegalStateException("write called inside a write transaction");
        }
        inWrite.set(Boolean.TRUE);
        try {
            for (int attempt = 1;; attempt++) {
                try (Connection connection = writePool.getConnection()) {
                    return inTransaction(writePool, connection, work, true);
                } catch (SQLException e) {
                    if (!retry(e, attempt)) {
                        throw dialect.failure("write transaction failed", e);
                    }
                } catch (StorageException e) {
                    if (!(e.getCause() instanceof SQLException cause) || !retry(cause, attempt)) {
                        throw e;
                    }
                }
            }
        } finally {
            inWrite.remove();
        }
    }

    /**
     * Whether a failed write should run again: its work is pure database work, so running it anew
     * on a fresh snapshot is safe, and it then sees what the conflicting transaction committed.
     */
    private boolean retry(SQLException e, int attempt) {
        if (attempt >= MAX_WRITE_ATTEMPTS || !dialect.isRetryable(e)) {
            return false;
        }
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 1L << Math.min(attempt, 6)));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
        return true;
    }

    /** Runs {@code work} in one read-only transaction, so everything it reads comes from one snapshot. */
    @Override
    public <T> T read(Function<Stores, T> work) {
        try (Connection connection = readPool.getConnection()) {
            return inTransaction(readPool, connection, work, false);
        } catch (SQLException e) {
            throw dialect.failure("read transaction failed", e);
        }
    }

    private <T> T inTransaction(HikariDataSource pool, Connection connection, Function<Stores, T> work,
            boolean commit) throws SQLException {
        connection.setAutoCommit(false);
        boolean ended = false;
        try {
            T result = work.apply(new JdbcStores(connection, dialect));
            if (commit) {
                connection.commit();
            } else {
                connection.rollback();
            }
            ended = true;
            return result;
        } finally {
            if (!ended) {
                rollbackQuietly(connection);
            }
            try {
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                LOG.warn("evicting a connection that could not leave its transaction", e);
                pool.evictConnection(connection);
            }
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.warn("rollback failed", e);
        }
    }

    /** The value of a PRAGMA as the write ({@code write}) or a read connection sees it; for checks and tests. */
    String pragma(boolean write, String name) {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException(name);
        }
        try (Connection connection = (write ? writePool : readPool).getConnection();
                var statement = connection.createStatement();
                var rs = statement.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw dialect.failure("PRAGMA " + name, e);
        }
    }

    @Override
    public void close() {
        readPool.close();
        writePool.close();
    }
}
