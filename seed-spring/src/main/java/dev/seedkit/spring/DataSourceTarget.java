package dev.seedkit.spring;

import dev.seedkit.junit.SeededDatabase;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The database that the {@link SeededDataSourceProxy}s of one {@link TemplateDeclaration} serve now: the running
 * test class's copy, set by {@link SeededDataSourceExtension} before the class runs (so before a context that does
 * not exist yet starts) and cleared after it. One per declaration for the JVM, because Spring's context cache keeps
 * contexts for the JVM too; it holds no connection and owns no database (JUnit's stores do), only which one is
 * current.
 */
final class DataSourceTarget {

    private static final Map<TemplateDeclaration, DataSourceTarget> TARGETS = new ConcurrentHashMap<>();

    /** The class being served and its database. */
    private record Served(String testClass, SeededDatabase database) {
    }

    private volatile Served served;

    private DataSourceTarget() {
    }

    /** The target of every context built for {@code declaration}. */
    static DataSourceTarget of(TemplateDeclaration declaration) {
        return TARGETS.computeIfAbsent(declaration, key -> new DataSourceTarget());
    }

    /** Serves {@code database} to {@code testClass} from now on. */
    synchronized void serve(String testClass, SeededDatabase database) {
        Served current = served;
        if (current != null && !current.testClass().equals(testClass)) {
            throw new IllegalStateException(testClass + " and " + current.testClass() + " run at the same time and "
                    + "share a Spring application context, whose DataSource serves one class at a time. Run them "
                    + "one after the other, e.g. with @ResourceLock(SeededDataSource.RESOURCE_LOCK) on their base "
                    + "class.");
        }
        served = new Served(testClass, database);
    }

    /** Stops serving {@code testClass}'s database, whose class has ended; the next class sets its own. */
    synchronized void release(String testClass) {
        Served current = served;
        if (current != null && current.testClass().equals(testClass)) {
            served = null;
        }
    }

    /** The pooled data source of the current class's database. */
    DataSource dataSource() throws SQLException {
        Served current = served;
        if (current == null) {
            throw new SQLException("Seedkit's DataSource serves no database now: no test class with "
                    + "@SeededDataSource is running. Something used it between classes or after the run (a "
                    + "background thread or a scheduled task of the application?); the databases of finished "
                    + "classes are dropped.");
        }
        return current.database().dataSource();
    }

    @Override
    public String toString() {
        Served current = served;
        return current == null ? "serving no database" : current.database().databaseName() + " for "
                + current.testClass();
    }
}
