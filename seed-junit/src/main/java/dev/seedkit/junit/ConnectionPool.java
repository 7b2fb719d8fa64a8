package dev.seedkit.junit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.seedkit.postgres.PostgresServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A small connection pool (at most {@value #POOL_SIZE} connections, opened on demand) to whichever clone of a
 * template it serves at the moment. A {@link ClonedDatabase} takes a free pool from its template and hands it back
 * when it is dropped, so one pool serves clone after clone: a run starts one pool per template (one per clone alive
 * at the same time, with parallel execution) instead of one per test class or method, and HikariCP's start and
 * shutdown lines appear once per pool. The template closes its pools at the end of the run.
 *
 * <p>Connections are opened through a data source that connects to the current clone, and the pooled ones are
 * retired whenever the clone changes. A data source kept from an earlier test connects to the clone the pool serves
 * now, or fails if it serves none.
 */
final class ConnectionPool {

    static final int POOL_SIZE = 4;
    private static final AtomicInteger STARTED = new AtomicInteger();

    private final PostgresServer server;
    private final String name;
    private volatile String database;
    private HikariDataSource pool;

    ConnectionPool(PostgresServer server, String name) {
        this.server = server;
        this.name = name;
    }

    /** How many pools this JVM has started so far; for tests. */
    static int started() {
        return STARTED.get();
    }

    /** From now on, hands out connections to {@code database} (null: to none). */
    synchronized void serve(String database) {
        this.database = database;
        evictConnections();
    }

    /** The pool, started on first use. */
    synchronized DataSource dataSource() {
        if (pool == null) {
            HikariConfig config = new HikariConfig();
            config.setPoolName(name);
            config.setDataSource(new SimpleDataSource(this::connect, name));
            config.setMaximumPoolSize(POOL_SIZE);
            config.setMinimumIdle(0);
            pool = new HikariDataSource(config);
            STARTED.incrementAndGet();
        }
        return pool;
    }

    /**
     * Retires the pooled connections, e.g. before the database under them is dropped or replaced: idle ones are
     * closed now, those in use when they are returned; the next request opens a new one.
     */
    synchronized void evictConnections() {
        if (pool != null) {
            pool.getHikariPoolMXBean().softEvictConnections();
        }
    }

    /** Closes the pool, if it was started. */
    synchronized void close() {
        if (pool != null) {
            pool.close();
        }
    }

    private Connection connect() throws SQLException {
        String target = database;
        if (target == null) {
            throw new SQLException("Pool " + name + " serves no database now: the test database it served was "
                    + "dropped when its test ended; ask the current test for its DataSource instead of keeping one");
        }
        return server.connect(target);
    }

    @Override
    public String toString() {
        return name + " (" + (database == null ? "serving no database" : "on " + database) + ")";
    }
}
