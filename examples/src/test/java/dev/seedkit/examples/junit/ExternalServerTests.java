package dev.seedkit.examples.junit;

import static dev.seedkit.examples.junit.WholeSnapshotTests.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.junit.DatabaseKind;
import dev.seedkit.junit.SeedFromFixtures;
import dev.seedkit.junit.SeededDatabase;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The same snapshot on a server you already run (a CI service container, a shared test server), named by
 * {@code SEEDKIT_JDBC_URL} (plus {@code SEEDKIT_JDBC_USER} / {@code SEEDKIT_JDBC_PASSWORD}). CI runs it against
 * the machine's PostgreSQL 15; without the variable JUnit reports it as skipped, with this reason.
 */
@EnabledIfEnvironmentVariable(named = "SEEDKIT_JDBC_URL", matches = ".+",
        disabledReason = "set SEEDKIT_JDBC_URL to run the example against an existing server")
@SeedFromFixtures(value = "classpath:fixtures/demo", initializer = DemoSchema.class, database = DatabaseKind.URL)
class ExternalServerTests {

    @Test
    void seedsTheSnapshotIntoTheServerAtTheUrl(SeededDatabase database, DataSource db) throws SQLException {
        assertThat(database.serverDescription()).startsWith("external PostgreSQL ");
        assertThat(value(db, "select count(*) from public.users")).isEqualTo(108);
    }
}
