package dev.seedkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seedkit.core.SeedException;
import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** The ready-made Flyway and Liquibase initializers create the template's schema from the project's migrations. */
@ExtendWith(TestPostgres.class)
class MigrationInitializerTests {

    private static final List<String> seen = new ArrayList<>();

    @Test
    void flywayRunsTheMigrationsInItsDefaultLocationBeforeTheSnapshotIsImported(PostgresServer server) {
        seen.clear();
        EngineExecutionResults results = EngineRuns.on(server).run(FlywayTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
        assertThat(seen).containsExactly("customer 1 = only customers; flyway versions 1,2; customer_notes exists");
    }

    @Test
    void liquibaseRunsTheChangelogInSpringBootsDefaultLocationBeforeTheSnapshotIsImported(PostgresServer server) {
        seen.clear();
        EngineExecutionResults results = EngineRuns.on(server).run(LiquibaseTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
        assertThat(seen).containsExactly(
                "customer 1 = only customers; liquibase change sets 1,2; customer_notes exists");
    }

    @Test
    void aFailingMigrationFailsTheClassWithFlywaysReasonAndWhatToDo(PostgresServer server) {
        EngineExecutionResults results = EngineRuns.on(server).run(BrokenFlywayTestCase.class);

        assertThat(EngineRuns.failureMessages(results)).singleElement().asString()
                .startsWith("Schema initializer " + BrokenMigrations.class.getName() + " failed (@SeedFromFixtures on "
                        + BrokenFlywayTestCase.class.getName() + "): Flyway could not migrate the template database: ")
                .contains("no_such_type")
                .endsWith("Fix the migration, or override FlywayMigrations.configure(...) to point Flyway at your "
                        + "migrations.");
    }

    @Test
    void aMissingLibraryIsNamedWithTheDependencyToAdd() {
        assertThatThrownBy(() -> OptionalLibrary.require("org.example.NoSuchMigrator", "NoSuchMigrator",
                "org.example:no-such-migrator", FlywayMigrations.class))
                .isInstanceOf(SeedException.class)
                .hasMessage("FlywayMigrations runs NoSuchMigrator, which is not on the test class path: add the test "
                        + "dependency org.example:no-such-migrator.");
    }

    @SeedFromFixtures(value = "classpath:fixtures/customers", initializer = FlywayMigrations.class)
    static class FlywayTestCase {
        @Test
        void seesMigratedSchemaAndSnapshotRows(DataSource dataSource) throws SQLException {
            seen.add("customer 1 = " + text(dataSource, "select name from customers where id = 1")
                    + "; flyway versions " + text(dataSource, "select string_agg(version, ',' order by installed_rank) "
                    + "from flyway_schema_history where success")
                    + "; customer_notes " + text(dataSource, "select case when to_regclass('customer_notes') is null "
                    + "then 'missing' else 'exists' end"));
        }
    }

    @SeedFromFixtures(value = "classpath:fixtures/customers", initializer = LiquibaseMigrations.class)
    static class LiquibaseTestCase {
        @Test
        void seesMigratedSchemaAndSnapshotRows(DataSource dataSource) throws SQLException {
            seen.add("customer 1 = " + text(dataSource, "select name from customers where id = 1")
                    + "; liquibase change sets " + text(dataSource, "select string_agg(id, ',' order by orderexecuted) "
                    + "from databasechangelog")
                    + "; customer_notes " + text(dataSource, "select case when to_regclass('customer_notes') is null "
                    + "then 'missing' else 'exists' end"));
        }
    }

    /** Points Flyway at a migration that fails. */
    static class BrokenMigrations extends FlywayMigrations {
        @Override
        protected FluentConfiguration configure(FluentConfiguration configuration) {
            return configuration.locations("classpath:db/broken-migration");
        }
    }

    @SeedFromFixtures(value = "classpath:fixtures/customers", initializer = BrokenMigrations.class)
    static class BrokenFlywayTestCase {
        @Test
        void neverRuns() {
        }
    }

    private static String text(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
