package dev.seedkit.junit;

import dev.seedkit.postgres.PostgresServer;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A test's own copy of a {@link TemplateDatabase}, reached through a {@link ClonePool} borrowed from the template.
 * Stored in the store of the scope it serves (class, method, or root for {@link Isolation#SHARED}); closing it
 * drops the database and hands the pool back to the template.
 */
final class ClonedDatabase implements StoredResource {

    private static final Logger log = LoggerFactory.getLogger(ClonedDatabase.class);

    private final TemplateDatabase template;
    private final String name;
    private final ClonePool pool;
    private boolean closed;

    private ClonedDatabase(TemplateDatabase template, String name, ClonePool pool) {
        this.template = template;
        this.name = name;
        this.pool = pool;
    }

    /** Clones {@code template}, which {@link TemplateDatabase#build()} has built, into a database of a new name. */
    static ClonedDatabase of(TemplateDatabase template) {
        long started = System.nanoTime();
        String name = template.newCloneName();
        template.cloneInto(name);
        ClonePool pool = template.takePool();
        pool.serve(name);
        log.debug("Cloned {} into {} in {} µs", template.name(), name, (System.nanoTime() - started) / 1_000);
        return new ClonedDatabase(template, name, pool);
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
    DataSource dataSource() {
        return pool.dataSource();
    }

    /** A connection from the pool; the caller closes it. */
    Connection connect() throws SQLException {
        return dataSource().getConnection();
    }

    /** Drops the database and clones the template again under the same name; pooled connections are replaced. */
    synchronized void recreate() {
        pool.evictConnections();
        DatabaseAdmin.drop(server(), name);
        template.cloneInto(name);
    }

    /** Hands the pool back and drops the database; a second call does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        pool.serve(null);
        template.giveBack(pool);
        DatabaseAdmin.drop(server(), name);
    }

    @Override
    public String toString() {
        return name + " on " + server().description();
    }
}
