package dev.seedkit.examples;

import static dev.seedkit.assertj.SeedkitAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.core.Seedkit;
import dev.seedkit.core.changes.Baseline;
import dev.seedkit.core.changes.Changes;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestDatabase;
import dev.seedkit.postgres.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a test changed since seeding, asserted with seed-assertj in plain Java, without the JUnit extension: the demo
 * snapshot seeded once, a baseline captured, then a test's writes (in a transaction, rolled back) compared with it.
 * {@code junit.WhatMyTestChangedTests} does the same through {@code SeededDatabase.changes()}.
 */
@ExtendWith(TestPostgres.class)
class ChangeAssertionsTests {

    static ScratchDatabase seeded;
    static Baseline baseline;

    @BeforeAll
    static void seedOnce(TestDatabase server) throws Exception {
        seeded = seed(server.server());
        try (Connection connection = seeded.connect()) {
            baseline = Seedkit.baseline(connection);                  // once, right after seeding
        }
    }

    @AfterAll
    static void drop() throws SQLException {
        seeded.close();
    }

    @Test
    void aPurchaseTouchesOnlyThePurchasesTable() throws Exception {
        try (Connection connection = seeded.connect()) {
            connection.setAutoCommit(false);
            execute(connection, "insert into public.purchases (user_id, amount, status, purchased_at) "
                    + "values (1, 12.50, 'pending', '2026-04-01 10:00+00')");
            Changes changes = baseline.changes(connection);
            assertThat(changes).hasOnlyChangedTables("public.purchases")
                    .inserted("public.purchases").hasSize(1).first().containsEntry("status", "pending");
            assertThat(changes).updated("public.purchases").isEmpty();
            assertThat(seeded.dataSource()).table("public.purchases").hasRowCount(100);  // uncommitted: 100 to others
            connection.rollback();
        }
    }

    static ScratchDatabase seed(PostgresServer server) throws Exception {
        ScratchDatabase database = ScratchDatabase.create(server);
        try (Connection connection = database.connect(); Snapshot demo = Seedkit.open("classpath:fixtures/demo")) {
            DemoDatabase.migrate(connection);
            Seedkit.importer().build().importInto(connection, demo);
        }
        return database;
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
