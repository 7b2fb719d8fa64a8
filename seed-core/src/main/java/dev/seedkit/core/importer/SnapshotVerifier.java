package dev.seedkit.core.importer;

import dev.seedkit.core.SeedException;
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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a database against a snapshot it was seeded from: every snapshot table holds at least the snapshot's
 * number of rows, every foreign key from a snapshot table (declared, or virtual ones given) resolves, and, when
 * asked ({@link Builder#compareRows(boolean)}), every row of the snapshot is there with the snapshot's values.
 * Runs after an import ({@link SnapshotImporter.Builder#verify(boolean)}) or on its own, e.g. from the command line
 * ({@code seedkit verify --data}). Never changes anything.
 *
 * <pre>{@code
 * VerifyReport report = SnapshotVerifier.builder().compareRows(true).build().verify(connection, snapshot);
 * report.requireOk();
 * }</pre>
 */
public final class SnapshotVerifier {

    private final List<VirtualForeignKey> virtualForeignKeys;
    private final boolean compareRows;

    private SnapshotVerifier(Builder builder) {
        this.virtualForeignKeys = List.copyOf(builder.virtualForeignKeys);
        this.compareRows = builder.compareRows;
    }

    /** A verifier with the defaults: row counts and declared foreign keys, values not compared. */
    public static Builder builder() {
        return new Builder();
    }

    /** Row counts and foreign keys (declared, and {@code virtualForeignKeys}); values not compared. */
    public static VerifyReport verify(Connection connection, Snapshot snapshot,
                                      List<VirtualForeignKey> virtualForeignKeys) {
        return builder().virtualForeignKeys(virtualForeignKeys).build().verify(connection, snapshot);
    }

    /** Verifies {@code connection}'s database against {@code snapshot}. */
    public VerifyReport verify(Connection connection, Snapshot snapshot) {
        SnapshotManifest manifest = snapshot.manifest();
        List<String> schemas = manifest.tables().stream().map(SnapshotManifest.Table::schema).distinct().toList();
        Schema schema = SchemaReader.read(connection, schemas).withVirtualForeignKeys(virtualForeignKeys);
        VerifyReport counted;
        try {
            counted = verify(connection, manifest, schema);
        } catch (SQLException e) {
            throw new SeedException(SeedException.Code.DATABASE, "Could not verify " + snapshot + ": "
                    + e.getMessage(), e);
        }
        if (!compareRows) {
            return counted;
        }
        List<TableCheck> tables = RowComparison.compare(connection, snapshot, schema);
        List<String> problems = new ArrayList<>(counted.problems());
        tables.forEach(t -> t.problem().ifPresent(problems::add));
        return new VerifyReport(counted.rowCounts(), problems, tables);
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
                problems.add("table " + table + " has " + count + " rows, fewer than the snapshot's "
                        + table.rowCount());
            }
        }
        Set<TableName> inSnapshot = manifest.tables().stream().map(t -> TableName.of(t.schema(), t.name()))
                .collect(Collectors.toSet());
        problems.addAll(OrphanCheck.findAll(connection, schema.foreignKeys().stream()
                .filter(fk -> inSnapshot.contains(fk.child()) && schema.table(fk.parent()).isPresent()).toList()));
        return new VerifyReport(counts, problems, List.of());
    }

    private static long count(Connection connection, TableName table) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table.qualified())) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Options of a verification. */
    public static final class Builder {
        private List<VirtualForeignKey> virtualForeignKeys = List.of();
        private boolean compareRows;

        private Builder() {
        }

        /** References the database does not declare, checked like foreign keys; default none. */
        public Builder virtualForeignKeys(List<VirtualForeignKey> keys) {
            this.virtualForeignKeys = List.copyOf(keys);
            return this;
        }

        /**
         * Also compares values: every row of the snapshot must be in the database with the snapshot's values
         * (matched by key, as COPY prints them; one COPY and one query per table, in a transaction that is rolled
         * back). Rows only the database has are fine. Default false.
         */
        public Builder compareRows(boolean compare) {
            this.compareRows = compare;
            return this;
        }

        public SnapshotVerifier build() {
            return new SnapshotVerifier(this);
        }
    }

    /**
     * What the row comparison found in one table.
     *
     * @param table       the table, as {@code schema.table}
     * @param rows        the snapshot's rows compared
     * @param differing   how many of them the database lacks or holds with other values
     * @param examples    the first of them, in file order, each naming its file line and key
     * @param notCompared why the table could not be compared, if it could not (a column missing from the database)
     */
    public record TableCheck(String table, long rows, long differing, List<String> examples,
                             Optional<String> notCompared) {

        public TableCheck {
            examples = List.copyOf(examples);
            Objects.requireNonNull(notCompared, "notCompared");
        }

        /** The problem to report, if any. */
        public Optional<String> problem() {
            if (notCompared.isPresent()) {
                return notCompared;
            }
            if (differing == 0) {
                return Optional.empty();
            }
            return Optional.of("table " + table + ": " + differing + " of the snapshot's " + rows + " rows "
                    + (differing == 1 ? "is" : "are") + " not in the database with the snapshot's values: "
                    + String.join("; ", examples) + (differing > examples.size() ? "; and "
                    + (differing - examples.size()) + " more" : ""));
        }
    }

    /**
     * What a verification found.
     *
     * @param rowCounts rows per snapshot table in the database
     * @param problems  one sentence per problem (missing rows, orphaned references, differing values); empty when
     *                  all is well
     * @param tables    the row comparison per table, when it was asked for ({@link Builder#compareRows(boolean)})
     */
    public record VerifyReport(Map<String, Long> rowCounts, List<String> problems, List<TableCheck> tables) {

        public VerifyReport {
            rowCounts = Map.copyOf(rowCounts);
            problems = List.copyOf(problems);
            tables = List.copyOf(tables);
        }

        /** True when nothing is wrong. */
        public boolean ok() {
            return problems.isEmpty();
        }

        /** The snapshot rows whose values were compared, over all tables that could be compared. */
        public long rowsCompared() {
            return tables.stream().filter(t -> t.notCompared().isEmpty()).mapToLong(TableCheck::rows).sum();
        }

        /** Throws a {@link SeedException} ({@code DATA_INTEGRITY}) listing every problem, if there is any. */
        public void requireOk() {
            requireOk(ImportOption.Names.JAVA_API);
        }

        /** Like {@link #requireOk()}, naming the importer's options with {@code names}. */
        public void requireOk(ImportOption.Names names) {
            if (!ok()) {
                throw new SeedException(SeedException.Code.DATA_INTEGRITY, "The database does not match the "
                        + "snapshot:\n  - " + String.join("\n  - ", problems) + "\nImport the snapshot again (with "
                        + names.of(ImportOption.FORCE) + ", or "
                        + names.of(ImportOption.MODE, ImportMode.REPLACE.name()) + "), or "
                        + "re-export it if the snapshot itself is inconsistent.");
            }
        }
    }
}
