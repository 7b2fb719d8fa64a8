package dev.seedkit.junit;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.changes.Baseline;
import dev.seedkit.core.changes.Changes;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@link SeededDatabase} of one scope: a cloned database, the isolation in force, and within a
 * {@link Isolation#ROLLBACK_PER_METHOD} test method the test's transaction ({@code null} elsewhere).
 * Not {@link AutoCloseable}: the clone and the transaction are stored (and closed) separately by their owner.
 */
final class SeededDatabaseHandle implements SeededDatabase {

    private final ClonedDatabase clone;
    private final Isolation isolation;
    private final RollbackTransaction transaction;
    private final Supplier<Baseline> baseline;

    SeededDatabaseHandle(ClonedDatabase clone, Isolation isolation, RollbackTransaction transaction,
            Supplier<Baseline> baseline) {
        this.clone = clone;
        this.isolation = isolation;
        this.transaction = transaction;
        this.baseline = baseline;
    }

    ClonedDatabase clonedDatabase() {
        return clone;
    }

    /** The test's transaction, or {@code null} outside a {@link Isolation#ROLLBACK_PER_METHOD} test method. */
    RollbackTransaction transaction() {
        return transaction;
    }

    /** Name of the template this database was cloned from; for tests. */
    String templateName() {
        return clone.template().name();
    }

    @Override
    public String databaseName() {
        return clone.name();
    }

    @Override
    public String jdbcUrl() {
        return clone.server().jdbcUrl(clone.name());
    }

    @Override
    public String username() {
        return clone.server().username();
    }

    @Override
    public String password() {
        return clone.server().password();
    }

    @Override
    public String serverDescription() {
        return clone.server().description();
    }

    @Override
    public Isolation isolation() {
        return isolation;
    }

    @Override
    public DataSource dataSource() {
        return transaction != null ? transaction.dataSource() : clone.dataSource();
    }

    @Override
    public Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", jdbcUrl());
        properties.put("spring.datasource.username", username());
        properties.put("spring.datasource.password", password());
        return Collections.unmodifiableMap(properties);
    }

    @Override
    public void reseed() {
        if (transaction == null) {
            clone.recreate();
            return;
        }
        try {
            transaction.rollback();
        } catch (SQLException e) {
            throw new SeedException(SeedException.Code.DATABASE, "Could not roll back the test's transaction on "
                    + clone.name() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<String> snapshotVersion() {
        return clone.template().marker().map(TemplateMarker::version);
    }

    @Override
    public Map<String, Long> rowCounts() {
        return clone.template().marker().map(TemplateMarker::rowCounts).orElse(Map.of());
    }

    @Override
    public Changes changes() {
        return changes(new String[0]);
    }

    @Override
    public Changes changes(String... tables) {
        Baseline seeded = baseline.get();
        try (Connection connection = dataSource().getConnection()) {
            return tables.length == 0 ? seeded.changes(connection) : seeded.changes(connection, tables);
        } catch (SQLException e) {
            throw new SeedException(SeedException.Code.DATABASE, "Could not connect to " + clone.name() + " to see "
                    + "what the test changed: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return clone.name() + " (" + isolation + ") on " + serverDescription();
    }
}
