package dev.vpnd.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The prepared statements of one physical connection, kept for reuse: SQLite parses and plans a
 * statement each time it is prepared, which costs more than running the small statements of a
 * request. Bounded, the least recently used closed first; closed with the connection (see
 * {@link StatementCachingDataSource}). Only the thread that holds the connection uses it, and a
 * statement serves one call at a time: {@link Jdbc} reads all rows, closes the result set and clears
 * the parameters before the next statement runs.
 */
final class StatementCache implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StatementCache.class);
    /** Far more than the distinct statements vpnd runs (IN lists come in a few lengths, see Jdbc). */
    private static final int CAPACITY = 200;

    private final Connection connection;
    /** In access order, least recently used first. */
    private final Map<String, PreparedStatement> statements = new LinkedHashMap<>(64, 0.75f, true);

    StatementCache(Connection connection) {
        this.connection = connection;
    }

    PreparedStatement get(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
            if (statements.size() > CAPACITY) {
                var eldest = statements.entrySet().iterator();
                closeQuietly(eldest.next().getValue());
                eldest.remove();
            }
        }
        return statement;
    }

    /** Runs the cached statement of {@code sql}, which takes no parameters; one that fails is discarded. */
    void execute(String sql) throws SQLException {
        try {
            get(sql).execute();
        } catch (SQLException e) {
            discard(sql);
            throw e;
        }
    }

    /** Forgets (and closes) the statement of {@code sql}: one that failed may be left in any state. */
    void discard(String sql) {
        PreparedStatement statement = statements.remove(sql);
        if (statement != null) {
            closeQuietly(statement);
        }
    }

    @Override
    public void close() {
        statements.values().forEach(StatementCache::closeQuietly);
        statements.clear();
    }

    private static void closeQuietly(PreparedStatement statement) {
        try {
            statement.close();
        } catch (SQLException e) {
            LOG.debug("closing a cached statement failed", e);
        }
    }
}
