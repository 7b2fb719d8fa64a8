package dev.seedkit.junit;

import dev.seedkit.core.SeedException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The transaction a {@link Isolation#ROLLBACK_PER_METHOD} test method runs in: one pooled connection with
 * auto-commit off, rolled back and returned to the pool when the method's store is closed.
 *
 * <p>Tests and the code under test get a guarded view of that connection, from {@link #connection()} directly or
 * from {@link #dataSource()} as often as they ask: {@code close()}, {@code commit()} and {@code setAutoCommit(..)}
 * are ignored, so nothing ends the transaction early; {@code rollback()} goes through and undoes everything the
 * test did so far.
 */
final class RollbackTransaction implements StoredResource {

    private final Connection connection;
    private final Connection guarded;
    private final DataSource dataSource;
    private final String description;
    private boolean closed;

    private RollbackTransaction(Connection connection, String description) {
        this.connection = connection;
        this.description = description;
        this.guarded = (Connection) Proxy.newProxyInstance(RollbackTransaction.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new Guard(connection, description));
        this.dataSource = new SimpleDataSource(() -> guarded, description);
    }

    /** Takes a connection from {@code database}'s pool and starts a transaction on it. */
    static RollbackTransaction begin(ClonedDatabase database) throws SQLException {
        Connection connection = database.connect();
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return new RollbackTransaction(connection, "transaction on " + database.name());
    }

    Connection connection() {
        return guarded;
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** Undoes everything done in the transaction so far; the connection stays in the transaction. */
    void rollback() throws SQLException {
        connection.rollback();
    }

    /** Rolls back and returns the connection to the pool; a second call does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (Connection returned = connection) {
            returned.rollback();
            returned.setAutoCommit(true);
        } catch (SQLException e) {
            throw new SeedException(SeedException.Code.DATABASE, "Could not roll back the test's " + description
                    + ": " + e.getMessage(), e);
        }
    }

    /** Passes calls through to the connection, except those that would end the transaction or the connection. */
    private static final class Guard implements InvocationHandler {
        private final Connection connection;
        private final String description;

        Guard(Connection connection, String description) {
            this.connection = connection;
            this.description = description;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
            switch (method.getName()) {
                case "close", "commit", "setAutoCommit":
                    return null;
                case "equals":
                    return proxy == arguments[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "toString":
                    return description;
                default:
                    try {
                        return method.invoke(connection, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
            }
        }
    }
}
