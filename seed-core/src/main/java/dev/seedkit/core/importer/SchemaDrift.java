package dev.seedkit.core.importer;

import dev.seedkit.core.schema.Column;
import dev.seedkit.core.schema.Schema;
import dev.seedkit.core.schema.SchemaReader;
import dev.seedkit.core.schema.Table;
import dev.seedkit.core.schema.TableName;
import dev.seedkit.core.snapshot.SnapshotManifest;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import dev.seedkit.core.SeedException;
import java.sql.SQLException;
import dev.seedkit.core.internal.MigrationHistory;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether a database's schema still fits a snapshot: one comparison of the snapshot's tables and columns with the
 * database's, under one of two {@link Policy policies}. The importer checks {@link Policy#LOADABLE} before it
 * writes a row; {@code seedkit verify} checks {@link Policy#EXACT}.
 *
 * @param snapshotFingerprint the schema fingerprint the manifest pins
 * @param databaseFingerprint the database's fingerprint over the snapshot's schemas
 * @param differences         one sentence per difference; empty when the schema fits
 * @param migrations          when there are differences and the snapshot and the database record different
 *                            migration versions of one tool, both: {@code snapshot made at Flyway version 21, database
 *                            is at 23}; otherwise empty
 */
public record SchemaDrift(String snapshotFingerprint, String databaseFingerprint, List<String> differences,
        Optional<String> migrations) {

    /** How close the database must be to the schema the snapshot was exported from. */
    public enum Policy {
        /**
         * The snapshot can be loaded: every snapshot table and column is there with its type and not generated, and
         * every database column the snapshot lacks can be left out (nullable, defaulted, identity or generated).
         */
        LOADABLE,
        /**
         * The database has the exported schema: the fingerprint matches; when it does not, the differences are
         * listed, extra columns, extra tables of the snapshot's schemas and a changed column order included.
         */
        EXACT
    }

    public SchemaDrift {
        differences = List.copyOf(differences);
    }

    /** Whether the schema fits. */
    public boolean none() {
        return differences.isEmpty();
    }

    /** Compares the database behind {@code connection} with {@code manifest} under {@code policy}. */
    public static SchemaDrift check(Connection connection, SnapshotManifest manifest, Policy policy) {
        String expected = bare(manifest.schemaFingerprint());
        Set<String> schemas = manifest.tables().stream().map(SnapshotManifest.Table::schema)
                .collect(Collectors.toSet());
        Schema all = SchemaReader.read(connection);
        Schema snapshotSchemas = all.schemaNames().containsAll(schemas) ? SchemaReader.read(connection, schemas) : all;
        String actual = snapshotSchemas.fingerprint();
        if (policy == Policy.EXACT && (actual.equals(expected) || all.fingerprint().equals(expected))) {
            return new SchemaDrift(expected, actual, List.of(), Optional.empty());
        }
        List<String> differences = differences(manifest.tables(), all, schemas, policy);
        if (differences.isEmpty() && policy == Policy.EXACT) {
            differences = List.of("the schema fingerprint differs (snapshot " + abbreviated(expected) + ", database "
                    + abbreviated(actual) + "), but every table and column type matches: a key, foreign key, "
                    + "nullability or identity changed");
        }
        Optional<String> migrations = Optional.empty();
        if (!differences.isEmpty()) {
            try {
                migrations = DriftCheck.versions(manifest, MigrationHistory.read(connection, List.copyOf(schemas)));
            } catch (SQLException e) {
                throw new SeedException(SeedException.Code.DATABASE, "Could not read the database's migration "
                        + "history: " + e.getMessage(), e);
            }
        }
        return new SchemaDrift(expected, actual, differences, migrations);
    }

    /**
     * The differences between the snapshot tables {@code entries} and {@code schema} under {@code policy};
     * {@code schemas} are the schemas in which {@link Policy#EXACT} also reports tables the snapshot lacks.
     */
    static List<String> differences(Collection<SnapshotManifest.Table> entries, Schema schema,
            Set<String> schemas, Policy policy) {
        List<String> differences = new ArrayList<>();
        for (SnapshotManifest.Table entry : entries) {
            Optional<Table> table = schema.table(TableName.of(entry.schema(), entry.name()));
            if (table.isEmpty()) {
                differences.add("table " + entry + " is in the snapshot but not in the database");
            } else {
                compareColumns(entry, table.get(), policy, differences);
            }
        }
        if (policy == Policy.EXACT) {
            for (Table table : schema.tables()) {
                if (schemas.contains(table.name().schema()) && entries.stream()
                        .noneMatch(e -> TableName.of(e.schema(), e.name()).equals(table.name()))) {
                    differences.add("table " + table.name() + " is in the database but not in the snapshot");
                }
            }
        }
        return differences;
    }

    private static void compareColumns(SnapshotManifest.Table entry, Table table, Policy policy,
            List<String> differences) {
        for (SnapshotManifest.Column column : entry.columns()) {
            Optional<Column> actual = table.column(column.name());
            String name = "column " + entry + "." + column.name();
            if (actual.isEmpty()) {
                differences.add(name + " (" + column.type() + ") is in the snapshot but not in the database");
            } else if (actual.get().generated()) {
                differences.add(name + " is generated in the database, so it cannot be loaded from the snapshot");
            } else if (!column.type().equals(SnapshotManifest.Column.ANY_TYPE)
                    && !actual.get().type().equals(column.type())) {
                differences.add(name + " is " + column.type() + " in the snapshot but " + actual.get().type()
                        + " in the database");
            }
        }
        for (Column column : table.columns()) {
            if (!column.generated() && !entry.columnNames().contains(column.name())) {
                if (policy == Policy.EXACT) {
                    differences.add("column " + entry + "." + column.name() + " (" + column.type() + ") is in the "
                            + "database but not in the snapshot");
                } else if (!fillable(column)) {
                    differences.add("column " + entry + "." + column.name() + " is NOT NULL without a default in "
                            + "the database but not in the snapshot");
                }
            }
        }
        if (policy == Policy.EXACT) {
            compareOrder(entry, table, differences);
        }
    }

    /** Whether the database fills {@code column} when a row leaves it out. */
    private static boolean fillable(Column column) {
        return column.nullable() || column.defaultExpression().isPresent()
                || column.identity() != Column.Identity.NONE;
    }

    private static void compareOrder(SnapshotManifest.Table entry, Table table, List<String> differences) {
        List<String> common = table.columns().stream().filter(c -> !c.generated()).map(Column::name)
                .filter(entry.columnNames()::contains).toList();
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
