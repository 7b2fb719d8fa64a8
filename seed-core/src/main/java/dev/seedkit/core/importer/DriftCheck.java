package dev.seedkit.core.importer;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.schema.Schema;
import dev.seedkit.core.snapshot.SnapshotManifest;
import java.util.List;
import java.util.Set;

/**
 * The importer's schema check before any row is written: {@link SchemaDrift} under
 * {@link SchemaDrift.Policy#LOADABLE}, every mismatch listed in one error.
 */
final class DriftCheck {

    private DriftCheck() {
    }

    static void check(Schema schema, List<SnapshotManifest.Table> tables) {
        List<String> problems = SchemaDrift.differences(tables, schema, Set.of(), SchemaDrift.Policy.LOADABLE);
        if (!problems.isEmpty()) {
            throw new SeedException(SeedException.Code.SCHEMA_DRIFT, "The database schema no longer matches the "
                    + "snapshot:\n  - " + String.join("\n  - ", problems) + "\nMigrate the database to the schema "
                    + "the snapshot was exported from, or refresh the snapshot from a database with the current "
                    + "schema.");
        }
    }
}
