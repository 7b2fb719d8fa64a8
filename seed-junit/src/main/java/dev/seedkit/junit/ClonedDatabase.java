package dev.seedkit.junit;

import dev.seedkit.postgres.PostgresServer;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A test's own copy of a {@link TemplateDatabase}, reached through a {@link ConnectionPool} borrowed from the template.
 * Stored in the store of the scope it serves (class, method, or root for {@link Isolation#SHARED}); closing it
 * hands the pool back to the template and has the database dropped. The copy itself comes from the template's
 * {@link ReadyClones}, made ahead of need.
 */
final class ClonedDatabase implements StoredResource {

    private static final Logger log = LoggerFactory.getLogger(ClonedDatabase.class);

    private final TemplateDatabase template;
    private final String name;
    private final ConnectionPool pool;
    private boolean closed;

    private ClonedDatabase(TemplateDatabase template, String name, ConnectionPool pool) {
        this.template = template;
        this.name = name;
        this.pool = pool;
    }

    /**
     * A copy of {@code template}, which {@link TemplateDatabase#build()} has built: one made ahead of need if one is
     * ready. {@code moreToCome} false (the one copy {@link Isolation#SHARED} classes share) asks for no replacement.
     */
    static ClonedDatabase of(TemplateDatabase template, boolean moreToCome) {
        long started = System.nanoTime();
        String name = template.clones().take(moreToCome);
        ConnectionPool pool = template.takePool();
        pool.serve(name);
        log.debug("Handed {} (a copy of {}) over in {} µs", name, template.name(),
                (System.nanoTime() - started) / 1_000);
        return new ClonedDatabase(template, name, pool);
    }

    /** A copy of {@code template} for one class or method, another made ahead for the next. */
    static ClonedDatabase of(TemplateDatabase template) {
        return of(template, true);
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

    /** Hands the pool back and has the database dropped, off the test's path; a second call does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        pool.serve(null);
        template.giveBack(pool);
        template.clones().drop(name);
    }

    @Override
    public String toString() {
        return name + " on " + server().description();
    }
}
