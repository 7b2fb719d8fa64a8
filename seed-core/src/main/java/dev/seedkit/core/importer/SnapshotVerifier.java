package dev.seedkit.core.importer;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.schema.ForeignKey;
import dev.seedkit.core.schema.Schema;
import dev.seedkit.core.schema.SchemaReader;
import dev.seedkit.core.schema.TableName;
import dev.seedkit.core.schema.VirtualForeignKey;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.core.snapshot.SnapshotManifest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a database against a snapshot it was seeded from: every snapshot table holds at least the snapshot's
 * number of rows, and every foreign key from a snapshot table (declared, or virtual ones passed in) resolves.
 * Runs after an import ({@link SnapshotImporter.Builder#verify(boolean)}) or on its own, e.g. from the command line.
 */
public final class SnapshotVerifier {

    private SnapshotVerifier() {
    }

    /** Verifies {@code connection}'s database against {@code snapshot}; never changes anything. */
    public static VerifyReport verify(Connection connection, Snapshot snapshot,
                                      List<VirtualForeignKey> virtualForeignKeys) {
        try {
            SnapshotManifest manifest = snapshot.manifest();
            List<String> schemas = manifest.tables().stream().map(SnapshotManifest.Table::schema).distinct().toList();
            Schema schema = SchemaReader.read(connection, schemas).withVirtualForeignKeys(virtualForeignKeys);
            return verify(connection, manifest, schema);
        } catch (SQLException e) {
            throw new SeedException(SeedException.Code.DATABASE, "Could not verify " + snapshot + ": "
                    + e.getMessage(), e);
        }
    }

    static VerifyReport verify(Connection connection, SnapshotManifest manifest, Schema schema) throws SQLException {
        List<String> problems = new ArrayList<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (SnapshotManifest.Table table : manifest.tables()) {
            TableName name = TableName.of(table.schema(), table.name());
            if (schema.table(name).isEmpty()) {
                problems.add("table " + table + " is missing from the database");
                continue;
            }
            long count = count(connection, name);
            counts.put(table.toString(), count);
            if (count < table.rowCount()) {
                problems.add("table " + table + " has " + count + " rows, fewer than the snapshot's " + table.rowCount());
            }
        }
        Set<TableName> inSnapshot = manifest.tables().stream().map(t -> TableName.of(t.schema(), t.name()))
                .collect(Collectors.toSet());
        problems.addAll(OrphanCheck.findAll(connection, schema.foreignKeys().stream()
                .filter(fk -> inSnapshot.contains(fk.child()) && schema.table(fk.parent()).isPresent()).toList()));
        return new VerifyReport(counts, problems);
    }

    private static long count(Connection connection, TableName table) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table.qualified())) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * What a verification found.
     *
     * @param rowCounts rows per snapshot table in the database
     * @param problems  one sentence per problem (missing rows, orphaned references); empty when all is well
     */
    public record VerifyReport(Map<String, Long> rowCounts, List<String> problems) {

        public VerifyReport {
            rowCounts = Map.copyOf(rowCounts);
            problems = List.copyOf(problems);
        }

        /** True when nothing is wrong. */
        public boolean ok() {
            return problems.isEmpty();
        }

        /** Throws a {@link SeedException} ({@code DATA_INTEGRITY}) listing every problem, if there is any. */
        public void requireOk() {
            if (!ok()) {
                throw new SeedException(SeedException.Code.DATA_INTEGRITY, "The database does not match the "
                        + "snapshot:\n  - " + String.join("\n  - ", problems) + "\nImport the snapshot again (with "
                        + "force, or in REPLACE mode), or re-export it if the snapshot itself is inconsistent.");
            }
        }
    }
}
