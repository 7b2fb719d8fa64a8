package dev.seedkit.junit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.seedkit.postgres.PostgresServer;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A test's own copy of a {@link TemplateDatabase}, with a small connection pool (at most {@value #POOL_SIZE}
 * connections, opened on demand). Stored in the store of the scope it serves (class, method, or root for
 * {@link Isolation#SHARED}); closing it closes the pool and drops the database.
 */
final class ClonedDatabase implements AutoCloseable {

    static final int POOL_SIZE = 4;
    private static final Logger log = LoggerFactory.getLogger(ClonedDatabase.class);

    private final TemplateDatabase template;
    private final String name;
    private HikariDataSource pool;

    private ClonedDatabase(TemplateDatabase template, String name) {
        this.template = template;
        this.name = name;
    }

    /** Clones {@code template} (building it first if needed) into a database of a new name. */
    static ClonedDatabase of(TemplateDatabase template) {
        long started = System.nanoTime();
        ClonedDatabase clone = new ClonedDatabase(template, template.newCloneName());
        template.cloneInto(clone.name);
        log.debug("Cloned {} into {} in {} µs", template.name(), clone.name, (System.nanoTime() - started) / 1_000);
        return clone;
    }

    String name() {
        return name;
    }

    TemplateDatabase template() {
        return template;
    }

    PostgresServer server() {
        return template.server();
    }

    /** The pool, started on first use. */
    synchronized DataSource dataSource() {
        if (pool == null) {
            HikariConfig config = new HikariConfig();
            config.setPoolName("seedkit-" + name);
            config.setJdbcUrl(server().jdbcUrl(name));
            config.setUsername(server().username());
            config.setPassword(server().password());
            config.setMaximumPoolSize(POOL_SIZE);
            config.setMinimumIdle(0);
            pool = new HikariDataSource(config);
        }
        return pool;
    }

    /** A connection from the pool; the caller closes it. */
    Connection connect() throws SQLException {
        return dataSource().getConnection();
    }

    /** Drops the database and clones the template again under the same name; pooled connections are replaced. */
    synchronized void recreate() {
        DatabaseAdmin.drop(server(), name);
        template.cloneInto(name);
        if (pool != null) {
            pool.getHikariPoolMXBean().softEvictConnections();
        }
    }

    @Override
    public synchronized void close() {
        if (pool != null) {
            pool.close();
        }
        DatabaseAdmin.drop(server(), name);
    }

    @Override
    public String toString() {
        return name + " on " + server().description();
    }
}
