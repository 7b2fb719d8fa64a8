package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seedkit.core.Seedkit;
import dev.seedkit.core.snapshot.MigrationVersion;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.core.snapshot.SnapshotManifest;
import dev.seedkit.junit.SeedFromFixtures;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snapshot of this project's own migrated database (Flyway's or Liquibase's, as the stack runs them) leaves the
 * migration history out and records the version the migrations had reached.
 */
@SeedFromFixtures("classpath:fixtures/shop")
class MigratedSnapshotTests {

    @Test
    void leavesTheHistoryOutAndRecordsTheMigrationVersion(Connection connection, @TempDir Path dir) {
        Seedkit.exporter().includeSchemas("public").build().export(connection, dir);

        try (Snapshot snapshot = Seedkit.open(dir.toString())) {
            SnapshotManifest manifest = snapshot.manifest();
            assertEquals(List.of("customers", "order_lines", "orders", "products", "reviews"),
                    manifest.tables().stream().map(SnapshotManifest.Table::name).sorted().toList());
            boolean liquibase = System.getProperty("seedkit.initializer", "").endsWith("LiquibaseMigrations");
            assertEquals(liquibase ? "Liquibase changeset 2" : "Flyway version 2",
                    manifest.migrationVersion().map(MigrationVersion::describe).orElse("none"));
        }
    }
}
