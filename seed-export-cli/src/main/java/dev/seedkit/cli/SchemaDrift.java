package dev.seedkit.cli;

import dev.seedkit.core.schema.Column;
import dev.seedkit.core.schema.Schema;
import dev.seedkit.core.schema.SchemaReader;
import dev.seedkit.core.schema.Table;
import dev.seedkit.core.schema.TableName;
import dev.seedkit.core.snapshot.SnapshotManifest;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether a database's schema still is the one a snapshot was exported from. The test is the schema fingerprint the
 * manifest pins, computed over the snapshot's schemas (or over every user schema, whichever the exporter used);
 * when it differs, the tables and columns that differ are listed, so that the message says what to migrate.
 *
 * @param snapshotFingerprint the manifest's fingerprint
 * @param databaseFingerprint the database's fingerprint over the snapshot's schemas
 * @param differences         one sentence per difference; empty when the fingerprints match
 */
record SchemaDrift(String snapshotFingerprint, String databaseFingerprint, List<String> differences) {

    /** Whether the schema matches. */
    boolean none() {
        return differences.isEmpty();
    }

    /** Compares the database behind {@code connection} with {@code manifest}. */
    static SchemaDrift check(Connection connection, SnapshotManifest manifest) {
        String expected = bare(manifest.schemaFingerprint());
        Schema all = SchemaReader.read(connection);
        Set<String> schemas = manifest.tables().stream().map(SnapshotManifest.Table::schema)
                .collect(Collectors.toSet());
        Schema snapshotSchemas = all.schemaNames().containsAll(schemas) ? SchemaReader.read(connection, schemas) : all;
        String actual = snapshotSchemas.fingerprint();
        if (actual.equals(expected) || all.fingerprint().equals(expected)) {
            return new SchemaDrift(expected, actual, List.of());
        }
        List<String> differences = differences(manifest, all, schemas);
        if (differences.isEmpty()) {
            differences = List.of("the schema fingerprint differs (snapshot " + abbreviated(expected) + ", database "
                    + abbreviated(actual) + "), but every table and column type matches: a key, foreign key, "
                    + "nullability or identity changed");
        }
        return new SchemaDrift(expected, actual, differences);
    }

    /** The differences in tables and column types between {@code manifest} and {@code schema}. */
    static List<String> differences(SnapshotManifest manifest, Schema schema, Set<String> schemas) {
        List<String> differences = new ArrayList<>();
        for (SnapshotManifest.Table entry : manifest.tables()) {
            Optional<Table> table = schema.table(TableName.of(entry.schema(), entry.name()));
            if (table.isEmpty()) {
                differences.add("table " + entry + " is in the snapshot but not in the database");
            } else {
                compareColumns(entry, table.get(), differences);
            }
        }
        for (Table table : schema.tables()) {
            if (schemas.contains(table.name().schema())
                    && manifest.table(table.name().schema(), table.name().name()).isEmpty()) {
                differences.add("table " + table.name() + " is in the database but not in the snapshot");
            }
        }
        return differences;
    }

    private static void compareColumns(SnapshotManifest.Table entry, Table table, List<String> differences) {
        for (SnapshotManifest.Column column : entry.columns()) {
            Optional<Column> actual = table.column(column.name());
            if (actual.isEmpty()) {
                differences.add("column " + entry + "." + column.name() + " (" + column.type() + ") is in the "
                        + "snapshot but not in the database");
            } else if (!actual.get().type().equals(column.type())) {
                differences.add("column " + entry + "." + column.name() + " is " + column.type() + " in the "
                        + "snapshot but " + actual.get().type() + " in the database");
            } else if (actual.get().generated()) {
                differences.add("column " + entry + "." + column.name() + " is generated in the database");
            }
        }
        List<String> stored = table.columns().stream().filter(c -> !c.generated()).map(Column::name).toList();
        for (Column column : table.columns()) {
            if (!column.generated() && !entry.columnNames().contains(column.name())) {
                differences.add("column " + entry + "." + column.name() + " (" + column.type() + ") is in the "
                        + "database but not in the snapshot");
            }
        }
        List<String> common = stored.stream().filter(entry.columnNames()::contains).toList();
        List<String> snapshotOrder = entry.columnNames().stream().filter(common::contains).toList();
        if (!common.equals(snapshotOrder)) {
            differences.add("the columns of " + entry + " are in a different order: " + snapshotOrder + " in the "
                    + "snapshot, " + common + " in the database");
        }
    }

    /** The fingerprint without a {@code sha256:} prefix, which some manifests carry. */
    private static String bare(String fingerprint) {
        return fingerprint.startsWith("sha256:") ? fingerprint.substring("sha256:".length()) : fingerprint;
    }

    private static String abbreviated(String fingerprint) {
        return fingerprint.length() > 12 ? fingerprint.substring(0, 12) : fingerprint;
    }
}
