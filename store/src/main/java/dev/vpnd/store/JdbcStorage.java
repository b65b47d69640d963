package dev.vpnd.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.vpnd.core.port.Storage;
import dev.vpnd.core.port.Stores;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * {@link Storage} over JDBC. On SQLite, writes go through one connection that one thread uses
 * ({@link SqliteWriter}), which commits the writes queued meanwhile together, each in a savepoint,
 * holding the database's write lock from the first statement ({@code BEGIN IMMEDIATE}); reads use
 * a few read-only connections, each read one deferred transaction, hence one snapshot. Every
 * connection keeps its prepared statements ({@link StatementCache}). The schema comes from the Flyway migrations in
 * {@code classpath:db/migration}. Secrets are sealed with the storage's {@link SecretCipher}; a
 * SQLite database lives in a 0700 directory, its files 0600 ({@link PrivateFiles}).
 */
public final class JdbcStorage implements Storage {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcStorage.class);
    /** A few per core serve any number of request threads (see {@link SqliteReadConnections}). */
    private static final int READ_CONNECTIONS = 8;
    private static final int POSTGRES_CONNECTIONS = 8;
    /**
     * Reads go through the file's memory map rather than a read() per page that is not in the
     * connection's small page cache; writes still go through write() and fsync. Far more than any
     * database (SQLite maps only what the file holds, and the address space is the process's, not
     * memory): a map smaller than the file sent reads past its end back to read(), so the pages of
     * a million connections cost more than those of a hundred thousand.
     */
    private static final long SQLITE_MMAP_BYTES = 1L << 38;
    /** Attempts of a write that keeps meeting deadlocks or unique violations before the failure is reported. */
    private static final int MAX_WRITE_ATTEMPTS = 12;
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;
    /** The database file and the files SQLite keeps beside it in WAL mode. */
    private static final List<String> SQLITE_FILE_SUFFIXES = List.of("", "-wal", "-shm");

    private final SqlDialect dialect;
    private final SecretCipher cipher;
    private final Connections writes;
    private final Connections reads;
    /** Records that read transactions loaded, by revision; write transactions go without them. */
    private final RecordCaches caches = RecordCaches.create();
    /**
     * Whether the database was seen to refuse unsealed secrets, which it never takes back
     * ({@link Jdbc#openSecret}).
     */
    private final AtomicBoolean plainTextRefused = new AtomicBoolean();
    /** A write inside a write is refused: on SQLite it would wait for itself. */
    private final ThreadLocal<Boolean> inWrite = new ThreadLocal<>();
    /** SQLite's writes, committed in groups; null on PostgreSQL, whose writers each take a pooled connection. */
    private final SqliteWriter sqliteWriter;

    private JdbcStorage(SqlDialect dialect, SecretCipher cipher, Connections writes, Connections reads) {
        this.dialect = dialect;
        this.cipher = cipher;
        this.writes = writes;
        this.reads = reads;
        this.sqliteWriter = dialect == SqlDialect.SQLITE
                ? new SqliteWriter(writes, c -> new JdbcStores(new Jdbc(c, dialect, cipher, plainTextRefused), null))
                : null;
    }

    /** {@link #sqlite(Path, SecretCipher)} without a key: secrets in plain text, for tools seeding test data. */
    public static JdbcStorage sqlite(Path databaseFile) {
        return sqlite(databaseFile, SecretCipher.PLAIN_TEXT);
    }

    /**
     * Opens (creating it, 0600, and its missing parent directories, 0700) and migrates a SQLite
     * database file whose secrets {@code cipher} seals; refuses a cipher that does not hold the
     * database's sealing key ({@link SealedSecrets#checkKey}).
     */
    public static JdbcStorage sqlite(Path databaseFile, SecretCipher cipher) {
        Path file = databaseFile.toAbsolutePath();
        PrivateFiles.createDirectories(file.getParent());
        // SQLite gives its -wal and -shm files the mode of the database file.
        PrivateFiles.createEmpty(file);
        for (String suffix : SQLITE_FILE_SUFFIXES) {
            PrivateFiles.restrict(file.resolveSibling(file.getFileName() + suffix));
        }
        String url = "jdbc:sqlite:" + file;
        migrate(sqliteDataSource(url, sqliteConfig(SQLiteConfig.TransactionMode.DEFERRED, false)), SqlDialect.SQLITE);
        var writer = sqliteDataSource(url, sqliteConfig(SQLiteConfig.TransactionMode.IMMEDIATE, false));
        var write = new PooledConnections(pool("vpnd-write", () -> refreshStatistics(writer.getConnection())));
        try {
            var reader = sqliteDataSource(url, sqliteConfig(SQLiteConfig.TransactionMode.DEFERRED, true));
            var read = SqliteReadConnections.open(new StatementCachingDataSource(reader::getConnection),
                    READ_CONNECTIONS);
            return checked(new JdbcStorage(SqlDialect.SQLITE, cipher, write, read), file.toString());
        } catch (SQLException e) {
            write.close();
            throw SqlDialect.SQLITE.failure("cannot open the read connections of " + file, e);
        } catch (RuntimeException e) {
            write.close();
            throw e;
        }
    }

    /** Checks the key of a storage just opened, closing it when the key does not fit. */
    private static JdbcStorage checked(JdbcStorage storage, String where) {
        if (!storage.cipher.seals()) {
            return storage;
        }
        try {
            storage.write(s -> {
                SealedSecrets.checkKey(((JdbcStores) s).db(), where);
                return null;
            });
            return storage;
        } catch (RuntimeException e) {
            storage.close();
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
        return postgres(url, SecretCipher.PLAIN_TEXT);
    }

    /** {@link #postgres(String)} with secrets sealed by {@code cipher}, as {@link #sqlite(Path, SecretCipher)}. */
    public static JdbcStorage postgres(String url, SecretCipher cipher) {
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
            return checked(new JdbcStorage(SqlDialect.POSTGRESQL, cipher, new PooledConnections(write),
                    new PooledConnections(read)), "PostgreSQL");
        } catch (RuntimeException e) {
            write.close();
            throw e;
        }
    }

    private static HikariDataSource postgresPool(String name, String jdbcUrl, int size, boolean readOnly,
            int isolation) {
        var config = new HikariConfig();
        config.setPoolName(name);
        var driverProperties = new java.util.Properties();
        if (readOnly) {
            // Reads run in auto-commit first (see read): "always" makes each such statement read-only
            // too, not only explicit transactions, so a read can never write.
            driverProperties.setProperty("readOnlyMode", "always");
        }
        config.setDataSource(new StatementCachingDataSource(() -> DriverManager.getConnection(jdbcUrl,
                driverProperties)));
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
        config.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, String.valueOf(SQLITE_MMAP_BYTES));
        return config;
    }

    /**
     * Refreshes the planner statistics of tables that grew or shrank a lot (cheap otherwise), on
     * the write connection whenever the pool opens it, i.e. at start and after each maxLifetime; a
     * read connection loads them when it is opened, at the latest one lifetime later ({@link
     * SqliteReadConnections#LIFETIME}). Without them SQLite walks a whole scope instead of starting
     * from the tags index when a list filters by tag. The value samples (sqlite_stat4) go: with
     * them SQLite plans a statement anew whenever a parameter compared with an indexed column gets
     * a value, which is every statement vpnd runs, so no prepared statement could be reused. The
     * per-index averages (sqlite_stat1) are all vpnd's queries need; tag filters come ordered by
     * selectivity (JdbcTagStore).
     */
    private static Connection refreshStatistics(Connection connection) throws SQLException {
        // One transaction, so that no reader loads the statistics between the two steps.
        try (var statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("PRAGMA optimize=0x10002");
            boolean samples;
            try (var rs = statement.executeQuery("SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_stat4'")) {
                samples = rs.next();
            }
            if (samples) {
                statement.execute("DELETE FROM sqlite_stat4");
            }
            connection.commit();
            connection.setAutoCommit(true);
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private static SQLiteDataSource sqliteDataSource(String url, SQLiteConfig config) {
        var dataSource = new SQLiteDataSource(config);
        dataSource.setUrl(url);
        return dataSource;
    }

    /** SQLite's write pool: one connection, so writers are serialized. */
    private static HikariDataSource pool(String name, StatementCachingDataSource.Opener opener) {
        var config = new HikariConfig();
        config.setPoolName(name);
        config.setDataSource(new StatementCachingDataSource(opener));
        config.setMaximumPoolSize(1);
        config.setMinimumIdle(1);
        config.setAutoCommit(true);
        return new HikariDataSource(config);
    }

    /**
     * Runs {@code work} in one write transaction, committed (and, with synchronous=FULL, on disk)
     * before this returns. Any RuntimeException of the work rolls back its changes and is rethrown
     * unchanged. On SQLite the transaction is one member of a group commit ({@link SqliteWriter}).
     */
    @Override
    public <T> T write(Function<Stores, T> work) {
        if (inWrite.get() != null || (sqliteWriter != null && sqliteWriter.isWriterThread())) {
            throw new IllegalStateException("write called inside a write transaction");
        }
        if (sqliteWriter != null) {
            return sqliteWriter.write(work);
        }
        inWrite.set(Boolean.TRUE);
        try {
            for (int attempt = 1;; attempt++) {
                try {
                    return inTransaction(writes, work, true);
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

    /**
     * Runs {@code work} in one read-only transaction, so everything it reads comes from one snapshot.
     * On PostgreSQL it first runs without a transaction, which spares the BEGIN and the ROLLBACK
     * (round trips to the server): exact as long as one statement reads what the work needs, or
     * later ones are checked against it (a page's revisions, its total); a read that needs more
     * runs again in one transaction ({@link Jdbc#statementsOnOwnSnapshots}).
     */
    @Override
    public <T> T read(Function<Stores, T> work) {
        try {
            if (dialect == SqlDialect.POSTGRESQL) {
                try {
                    return withoutTransaction(reads, work, caches);
                } catch (Jdbc.SnapshotNeeded e) {
                    LOG.trace("a read needs one snapshot; running it again in a transaction");
                }
            }
            return inTransaction(reads, work, false);
        } catch (SQLException e) {
            throw dialect.failure("read transaction failed", e);
        }
    }

    /**
     * Runs {@code work} on a write connection left in auto-commit, each statement committed as it
     * runs; without the BEGIN and COMMIT round trips of a transaction, for a single statement that
     * needs none, such as remembering a signature nonce.
     */
    @Override
    public <T> T writeWithoutTransaction(Function<Stores, T> work) {
        if (inWrite.get() != null) {
            throw new IllegalStateException("write called inside a write transaction");
        }
        inWrite.set(Boolean.TRUE);
        try {
            Connection connection = writes.take();
            try {
                return work.apply(new JdbcStores(new Jdbc(connection, dialect, cipher, plainTextRefused), null));
            } finally {
                writes.giveBack(connection, false);
            }
        } catch (SQLException e) {
            throw dialect.failure("write failed", e);
        } finally {
            inWrite.remove();
        }
    }

    /** A read on a connection in auto-commit: see {@link #read}. */
    private <T> T withoutTransaction(Connections connections, Function<Stores, T> work, RecordCaches cached)
            throws SQLException {
        Connection connection = connections.take();
        try {
            var jdbc = Jdbc.statementsOnOwnSnapshots(connection, dialect, cipher, plainTextRefused);
            return work.apply(new JdbcStores(jdbc, cached));
        } finally {
            connections.giveBack(connection, false);
        }
    }

    /** Takes a connection, waiting for it in turn, and runs {@code work} in a transaction on it. */
    private <T> T inTransaction(Connections connections, Function<Stores, T> work, boolean commit)
            throws SQLException {
        var broken = new boolean[1];
        Connection connection = connections.take();
        try {
            return inTransaction(connection, work, commit, broken);
        } finally {
            connections.giveBack(connection, broken[0]);
        }
    }

    /** Sets {@code broken[0]} when the connection could not leave its transaction. */
    private <T> T inTransaction(Connection connection, Function<Stores, T> work, boolean commit, boolean[] broken)
            throws SQLException {
        if (!commit && dialect == SqlDialect.SQLITE) {
            return inSqliteRead(connection, work, broken);
        }
        connection.setAutoCommit(false);
        boolean ended = false;
        try {
            var jdbc = new Jdbc(connection, dialect, cipher, plainTextRefused);
            T result = work.apply(new JdbcStores(jdbc, commit ? null : caches));
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
                LOG.warn("discarding a connection that could not leave its transaction", e);
                broken[0] = true;
            }
        }
    }

    /**
     * A SQLite read as one explicit deferred transaction on a connection left in auto-commit, with
     * BEGIN and COMMIT prepared once per connection: the driver's own transaction control runs
     * four unprepared statements per transaction (begin, rollback, begin again, commit), which
     * cost as much as a page's queries. In auto-commit the driver still steps its prepared
     * {@code begin;} after each statement, then {@code commit;} if that began one: inside our
     * transaction the begin fails and nothing happens, after it the pair is empty, so the
     * snapshot holds from BEGIN to COMMIT.
     */
    private <T> T inSqliteRead(Connection connection, Function<Stores, T> work, boolean[] broken)
            throws SQLException {
        var statements = connection.unwrap(StatementCache.class);
        statements.execute("BEGIN");
        boolean ended = false;
        try {
            T result = work.apply(new JdbcStores(new Jdbc(connection, dialect, cipher, plainTextRefused), caches));
            statements.execute("COMMIT");
            ended = true;
            return result;
        } finally {
            if (!ended) {
                try {
                    statements.execute("ROLLBACK");
                } catch (SQLException e) {
                    // Still in its transaction, it must not serve another read.
                    LOG.warn("discarding a connection that could not leave its read transaction", e);
                    broken[0] = true;
                }
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

    /** SQLite's writes waiting for their turn; for tests. */
    int queuedWrites() {
        return sqliteWriter == null ? 0 : sqliteWriter.queued();
    }

    /** The value of a PRAGMA as the write ({@code write}) or a read connection sees it; for checks and tests. */
    String pragma(boolean write, String name) {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException(name);
        }
        var connections = write ? writes : reads;
        try {
            Connection connection = connections.take();
            try (var statement = connection.createStatement();
                    var rs = statement.executeQuery("PRAGMA " + name)) {
                return rs.next() ? rs.getString(1) : null;
            } finally {
                connections.giveBack(connection, false);
            }
        } catch (SQLException e) {
            throw dialect.failure("PRAGMA " + name, e);
        }
    }

    /**
     * Seals anew, under the current key, every secret that is plain text or sealed under an older
     * key, and returns how many values of each column it rewrote. Safe while nodes run: each value
     * is replaced only if it is still the one read.
     */
    public Map<String, Long> reseal() {
        requireKey();
        var counts = new LinkedHashMap<String, Long>();
        for (SealedSecrets.Column column : SealedSecrets.COLUMNS) {
            counts.put(column.name(), SealedSecrets.reseal(this, column));
        }
        return counts;
    }

    /**
     * The id of the key that the SQLite file {@code sqliteFile}, or the PostgreSQL database
     * {@code postgresUrl} when it is not null, records as sealing its secrets, read without a key;
     * empty for a SQLite file that does not exist yet.
     */
    public static Optional<String> recordedSealingKey(Path sqliteFile, String postgresUrl) {
        if (postgresUrl == null && !java.nio.file.Files.exists(sqliteFile)) {
            return Optional.empty();
        }
        try (var storage = postgresUrl == null ? sqlite(sqliteFile) : postgres(postgresUrl)) {
            return storage.sealingKeyId();
        }
    }

    /** The id of the key the database records as sealing its secrets; empty before any was recorded. */
    public Optional<String> sealingKeyId() {
        return read(s -> ((JdbcStores) s).db().queryOne("SELECT key_id FROM sealing_key WHERE singleton = 1",
                List.of(), Row::text));
    }

    /**
     * Records, if every secret is sealed under the current key, that from now on the database refuses
     * unsealed ones: the end of {@code vpnd secrets reencrypt}.
     *
     * @return whether every secret is sealed, and plain text now refused
     */
    public boolean refusePlainTextIfAllSealed() {
        requireKey();
        return SealedSecrets.refusePlainTextIfAllSealed(this);
    }

    /** How many values of each sealed column are plain text or sealed under a key other than the current one. */
    public Map<String, Long> staleSecrets() {
        requireKey();
        return SealedSecrets.stale(this);
    }

    private void requireKey() {
        if (!cipher.seals()) {
            throw new IllegalStateException("this storage was opened without a secret key");
        }
    }

    @Override
    public void close() {
        if (sqliteWriter != null) {
            sqliteWriter.close();
        }
        reads.close();
        writes.close();
    }
}
