package dev.seedkit.core.importer;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.schema.Column;
import dev.seedkit.core.schema.Schema;
import dev.seedkit.core.schema.Table;
import dev.seedkit.core.schema.TableName;
import dev.seedkit.core.snapshot.SnapshotManifest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Compares a snapshot's tables and columns with the target schema before any row is written. A snapshot column the
 * database lacks, a changed type, or a database column that must be filled but is not in the snapshot fails the
 * import with every mismatch listed; extra nullable, defaulted, identity or generated columns are fine.
 */
final class DriftCheck {

    private DriftCheck() {
    }

    static void check(Schema schema, List<SnapshotManifest.Table> tables) {
        List<String> problems = new ArrayList<>();
        for (SnapshotManifest.Table entry : tables) {
            Optional<Table> table = schema.table(TableName.of(entry.schema(), entry.name()));
            if (table.isEmpty()) {
                problems.add("table " + entry + " is in the snapshot but not in the database");
            } else {
                compareColumns(entry, table.get(), problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new SeedException(SeedException.Code.SCHEMA_DRIFT, "The database schema no longer matches the "
                    + "snapshot:\n  - " + String.join("\n  - ", problems) + "\nMigrate the database to the schema "
                    + "the snapshot was exported from, or refresh the snapshot from a database with the current schema.");
        }
    }

    private static void compareColumns(SnapshotManifest.Table entry, Table table, List<String> problems) {
        Set<String> inSnapshot = new HashSet<>();
        for (SnapshotManifest.Column column : entry.columns()) {
            inSnapshot.add(column.name());
            Optional<Column> actual = table.column(column.name());
            if (actual.isEmpty()) {
                problems.add("column " + entry + "." + column.name() + " (" + column.type()
                        + ") is in the snapshot but not in the database");
            } else if (actual.get().generated()) {
                problems.add("column " + entry + "." + column.name() + " is generated in the database, so it cannot "
                        + "be loaded from the snapshot");
            } else if (!actual.get().type().equals(column.type())) {
                problems.add("column " + entry + "." + column.name() + " is " + column.type() + " in the snapshot but "
                        + actual.get().type() + " in the database");
            }
        }
        for (Column column : table.columns()) {
            boolean fillable = column.nullable() || column.defaultExpression().isPresent() || column.generated()
                    || column.identity() != Column.Identity.NONE;
            if (!inSnapshot.contains(column.name()) && !fillable) {
                problems.add("column " + entry + "." + column.name() + " is NOT NULL without a default in the "
                        + "database but not in the snapshot");
            }
        }
    }
}
