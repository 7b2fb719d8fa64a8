package dev.seedkit.spring;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The application's {@code DataSource} bean in a context built for {@link SeededDataSource}: hands out connections
 * from the pool of the database its {@link DataSourceTarget} serves now. It opens, holds and closes nothing itself;
 * Seedkit's pool retires the connections to a class's copy when the copy is dropped. It unwraps to nothing but
 * itself, so that no framework reconfigures the pool behind it.
 */
final class SeededDataSourceProxy implements DataSource {

    private final DataSourceTarget target;
    private volatile int loginTimeout;

    SeededDataSourceProxy(DataSourceTarget target) {
        this.target = target;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return target.dataSource().getConnection();
    }

    /** Credentials are Seedkit's: those given here are ignored. */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // Seedkit logs through SLF4J
    }

    /** Remembered for callers that read it back; not applied (Seedkit's pool has its own timeouts). */
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
        throw new SQLException("Seedkit's DataSource wraps no " + type.getName() + ": its pool is Seedkit's own");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    @Override
    public String toString() {
        return "Seedkit DataSource (" + target + ")";
    }
}
