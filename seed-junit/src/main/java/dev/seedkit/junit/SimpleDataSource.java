package dev.seedkit.junit;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} over a function that opens or hands out connections: unpooled connections to a template
 * being seeded, a test's transactional connection, or the connections a {@link ConnectionPool} opens to its clone.
 * Credentials passed to {@link #getConnection(String, String)} are ignored; the source decides.
 */
final class SimpleDataSource implements DataSource {

    /** Opens or hands out a connection. */
    @FunctionalInterface
    interface ConnectionSource {
        Connection get() throws SQLException;
    }

    private final ConnectionSource source;
    private final String description;
    private volatile int loginTimeout;

    SimpleDataSource(ConnectionSource source, String description) {
        this.source = source;
        this.description = description;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return source.get();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return source.get();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // no log writer: Seedkit logs through SLF4J
    }

    /** Remembered for callers that read it back (HikariCP waits that long when it shuts down); not applied. */
    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("java.util.logging is not used");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("Not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    @Override
    public String toString() {
        return description;
    }
}
