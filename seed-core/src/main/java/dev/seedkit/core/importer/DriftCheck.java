package dev.seedkit.core.importer;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.internal.MigrationHistory;
import dev.seedkit.core.schema.Schema;
import dev.seedkit.core.snapshot.MigrationVersion;
import dev.seedkit.core.snapshot.SnapshotManifest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The importer's schema check before any row is written: {@link SchemaDrift} under
 * {@link SchemaDrift.Policy#LOADABLE}, every mismatch listed in one error. When the snapshot records the migration
 * its source had reached and the database has reached another one, the error starts with both
 * ("snapshot made at Flyway version 21, database is at 23"): the usual cause, and the usual fix is a refresh.
 */
final class DriftCheck {

    private DriftCheck() {
    }

    static void check(Connection connection, Schema schema, SnapshotManifest manifest,
            List<SnapshotManifest.Table> tables) {
        List<String> problems = SchemaDrift.differences(tables, schema, Set.of(), SchemaDrift.Policy.LOADABLE);
        if (!problems.isEmpty()) {
            Optional<String> versions = versions(manifest, databaseVersion(connection, schema));
            throw new SeedException(SeedException.Code.SCHEMA_DRIFT, "The database schema no longer matches the "
                    + "snapshot" + versions.map(v -> " (" + v + ")").orElse("") + ":\n  - "
                    + String.join("\n  - ", problems) + "\n" + versions.map(v -> "Refresh the snapshot from a database "
                    + "migrated to the current version (seedkit refresh, or SnapshotExporter), or migrate this "
                    + "database to the snapshot's version.").orElse("Migrate the database to the schema the snapshot "
                    + "was exported from, or refresh the snapshot from a database with the current schema."));
        }
    }

    /**
     * "snapshot made at Flyway version 21, database is at 23" when both record a version of one tool and the versions
     * differ; empty otherwise.
     */
    static Optional<String> versions(SnapshotManifest manifest, Optional<MigrationVersion> database) {
        Optional<MigrationVersion> snapshot = manifest.migrationVersion();
        if (snapshot.isEmpty() || database.isEmpty() || !snapshot.get().sameTool(database.get())
                || snapshot.get().version().equals(database.get().version())) {
            return Optional.empty();
        }
        return Optional.of("snapshot made at " + snapshot.get().describe() + ", database is at "
                + database.get().version());
    }

    private static Optional<MigrationVersion> databaseVersion(Connection connection, Schema schema) {
        try {
            return MigrationHistory.read(connection, List.copyOf(schema.schemaNames()));
        } catch (SQLException e) {
            return Optional.empty();
        }
    }
}
