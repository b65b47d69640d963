package dev.vpnd.store;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * What the pools and {@link SqliteReadConnections} open their physical connections with: each
 * connection comes wrapped so that it carries its own {@link StatementCache}
 * ({@code connection.unwrap(StatementCache.class)}, also through a pool's proxy) and closes the
 * cached statements when it is closed. Every other
 * call goes straight to the driver's connection.
 */
final class StatementCachingDataSource implements DataSource {
    @FunctionalInterface
    interface Opener {
        Connection open() throws SQLException;
    }

    private final Opener opener;
    private int loginTimeout;
    private PrintWriter logWriter;

    StatementCachingDataSource(Opener opener) {
        this.opener = opener;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return withCache(opener.open());
    }

    // A proxy is equal to itself only, as Object.equals has it: identity is the comparison meant.
    @SuppressWarnings("ReferenceEquality")
    private static Connection withCache(Connection physical) {
        var cache = new StatementCache(physical);
        return (Connection) Proxy.newProxyInstance(StatementCachingDataSource.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "unwrap" -> {
                            if (args[0] == StatementCache.class) {
                                return cache;
                            }
                        }
                        case "isWrapperFor" -> {
                            if (args[0] == StatementCache.class) {
                                return true;
                            }
                        }
                        case "close" -> cache.close();
                        case "equals" -> {
                            return proxy == args[0];
                        }
                        case "hashCode" -> {
                            return System.identityHashCode(proxy);
                        }
                        default -> {
                        }
                    }
                    try {
                        return method.invoke(physical, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the credentials are part of the database URL");
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper of " + iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
