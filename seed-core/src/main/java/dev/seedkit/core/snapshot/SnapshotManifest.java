package dev.seedkit.core.snapshot;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.internal.Identifiers;
import dev.seedkit.core.internal.Sha256;
import dev.seedkit.core.internal.SnapshotErrors;
import dev.seedkit.core.internal.TableFileName;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a snapshot contains and pins, as stored in its {@value #FILE_NAME}: the fixture version the team set, when
 * and from where it was exported, the fingerprint of the schema it was exported from, the order to load tables in,
 * and for each table its file, columns, key, row count and checksum. Reading a table file checks it against this.
 *
 * <p>Immutable; constructing one checks that it is consistent (unique tables and files, key columns among the
 * columns, canonical file names, a load plan that names listed tables only), so a manifest in hand is always
 * valid. The JSON form is pretty-printed with a fixed key order so that refreshes diff well; see
 * {@code docs/snapshot-format.md}.
 *
 * @param fixtureVersion    the team's label for this data set, e.g. {@code 2024-05-demo-3}
 * @param createdAt         when the snapshot was exported
 * @param source            where it was exported from, without credentials, e.g. {@code db.example:5432/demo}
 * @param schemaFingerprint the fingerprint of the source schema; importers compare it with the target's
 * @param loadPlan          the order to load tables in, possibly in several phases
 * @param tables            one entry per table file
 * @param migration         the migration the source database had reached (its Flyway, Liquibase or
 *                          {@code schema_migrations} history), or {@code null} when it keeps none
 */
public record SnapshotManifest(String fixtureVersion, Instant createdAt, String source, String schemaFingerprint,
        List<LoadStep> loadPlan, List<Table> tables, MigrationVersion migration) {

    /** The format version this code writes and the only one it reads. */
    public static final int FORMAT_VERSION = 1;

    /** The manifest's file name inside a snapshot. */
    public static final String FILE_NAME = "manifest.json";

    /**
     * The {@link #source()} of a manifest made from hand-written fixture files (by {@code seedkit adopt}, or when
     * such files are opened): its table files are the {@code .csv}, {@code .tsv} and {@code .yml} files beside it.
     */
    public static final String FIXTURE_SOURCE = "fixtures";

    public SnapshotManifest {
        Objects.requireNonNull(fixtureVersion, "fixtureVersion");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(schemaFingerprint, "schemaFingerprint");
        loadPlan = List.copyOf(loadPlan);
        tables = List.copyOf(tables);
        requireUniqueTables(tables);
        requirePlannedTablesListed(loadPlan, tables);
    }

    /** A manifest of a source that records no migration version. */
    public SnapshotManifest(String fixtureVersion, Instant createdAt, String source, String schemaFingerprint,
            List<LoadStep> loadPlan, List<Table> tables) {
        this(fixtureVersion, createdAt, source, schemaFingerprint, loadPlan, tables, null);
    }

    /** Whether this manifest describes hand-written fixture files ({@link #FIXTURE_SOURCE}). */
    public boolean fixtures() {
        return FIXTURE_SOURCE.equals(source);
    }

    /** The migration the source had reached, if it records one. */
    public Optional<MigrationVersion> migrationVersion() {
        return Optional.ofNullable(migration);
    }

    /** The entry of table {@code schema.name}, if the snapshot has one. */
    public Optional<Table> table(String schema, String name) {
        return tables.stream().filter(t -> t.schema().equals(schema) && t.name().equals(name)).findFirst();
    }

    /** Reads a manifest; {@code where} names it in errors (e.g. {@code fixtures/demo/manifest.json}). */
    public static SnapshotManifest read(InputStream in, String where) {
        return ManifestJson.read(in, where);
    }

    /** The JSON text, pretty-printed with LF line endings and a final newline. */
    public String toJson() {
        return ManifestJson.write(this);
    }

    /**
     * Writes {@value #FILE_NAME} into {@code directory}, replacing an existing one in one step where the file system
     * can (a new file renamed over the old), so that a reader never sees half a manifest.
     */
    public void write(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        Path partial = directory.resolve("." + FILE_NAME + ".partial");
        try {
            Files.writeString(partial, toJson(), StandardCharsets.UTF_8);
            try {
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw SnapshotErrors.unwritable(file.toString(), e);
        }
    }

    /**
     * This manifest with {@code columns} as the natural key of {@code table} ({@code schema.table}, or a bare name
     * when unambiguous); no columns remove it. Importers match the table's rows to a database's rows by it.
     *
     * @throws SeedException {@code CONFIGURATION} for a table the snapshot does not have, or a column its file
     *         does not have
     */
    public SnapshotManifest withNaturalKey(String table, List<String> columns) {
        List<Table> matches = tables.stream().filter(t -> table.equals(t.schema() + "." + t.name())
                || table.equals(t.name())).toList();
        if (matches.size() != 1) {
            throw new SeedException(SeedException.Code.CONFIGURATION, "Cannot declare a natural key for table '"
                    + table + "': " + (matches.isEmpty() ? "the snapshot does not have it; its tables are "
                    + tables.stream().map(Table::toString).toList() : "it matches " + matches + "; qualify it with its "
                    + "schema") + ".");
        }
        Table match = matches.get(0);
        List<String> unknown = columns.stream().filter(c -> !match.columnNames().contains(c)).toList();
        if (!unknown.isEmpty()) {
            throw new SeedException(SeedException.Code.CONFIGURATION, "Cannot declare natural key " + columns
                    + " for table " + match + ": its file has no column " + String.join(", ", unknown)
                    + "; its columns are " + match.columnNames() + ".");
        }
        return new SnapshotManifest(fixtureVersion, createdAt, source, schemaFingerprint, loadPlan, tables.stream()
                .map(t -> t == match ? t.withNaturalKey(columns) : t).toList(), migration);
    }

    private static void requireUniqueTables(List<Table> tables) {
        Set<TableFileName> names = new HashSet<>();
        for (Table table : tables) {
            if (!names.add(new TableFileName(table.schema(), table.name()))) {
                throw SnapshotErrors.format("Table " + table + " is listed twice in the manifest.");
            }
        }
    }

    private static void requirePlannedTablesListed(List<LoadStep> plan, List<Table> tables) {
        for (LoadStep step : plan) {
            if (tables.stream().noneMatch(t -> t.schema().equals(step.schema()) && t.name().equals(step.table()))) {
                throw SnapshotErrors.format("The load plan names table " + Identifiers.display(step.schema(),
                        step.table()) + " (phase '" + step.phase() + "'), which the manifest does not list.");
            }
        }
    }

    /**
     * One column of a table file, in file order.
     *
     * @param name the column name as in the catalog
     * @param type the column's type as PostgreSQL formats it ({@code format_type}), e.g. {@code numeric(10,2)}
     */
    public record Column(String name, String type) {

        /** The type of a fixture file's column: none is written down, the database's catalog types the values. */
        public static final String ANY_TYPE = "any";

        public Column {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }
    }

    /**
     * One step of the load plan. Phases are the importer's vocabulary (e.g. {@code insert}, then {@code update}
     * for columns of a foreign-key cycle); the format only keeps their order.
     *
     * @param schema the table's schema
     * @param table  the table's name
     * @param phase  what to do with the table in this step
     */
    public record LoadStep(String schema, String table, String phase) {
        public LoadStep {
            Objects.requireNonNull(schema, "schema");
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(phase, "phase");
            if (schema.isEmpty() || table.isEmpty() || schema.indexOf('\u0000') >= 0 || table.indexOf('\u0000') >= 0) {
                throw SnapshotErrors.format("A load plan step names table '" + schema + "'.'" + table
                        + "'; schema and table names are non-empty and contain no NUL character.");
            }
        }
    }

    /**
     * One table of the snapshot and the file holding its rows.
     *
     * @param schema     the table's schema
     * @param name       the table's name
     * @param file       the file's name in the snapshot, always {@link TableFileName#fileName()} of the table
     * @param columns    the stored columns in file order (generated columns are not stored)
     * @param keyColumns the columns rows are ordered and matched by (the primary key), possibly empty
     * @param rowCount   the number of data rows in the file
     * @param sha256     the SHA-256 of the whole file, 64 lowercase hex digits
     * @param naturalKey the columns that identify a row across databases whose ids differ (e.g. {@code email}),
     *                   which importers match rows by; empty when the table has none declared, and then not
     *                   written to the manifest at all
     * @param selection  why an export put {@code rowCount} rows in the file (how many its limit chose, how many
     *                   which foreign key pulled in), or {@code null} where that is not recorded (hand-written
     *                   fixtures, snapshots exported before Seedkit recorded it); see {@link #recordedSelection()}.
     *                   It is what the export chose: a table file edited and re-pinned since may hold other rows
     */
    public record Table(String schema, String name, String file, List<Column> columns, List<String> keyColumns,
            long rowCount, String sha256, List<String> naturalKey, Selection selection) {

        public Table {
            Objects.requireNonNull(file, "file");
            columns = List.copyOf(columns);
            keyColumns = List.copyOf(keyColumns);
            naturalKey = List.copyOf(naturalKey);
            requireSafeFileName(new TableFileName(schema, name), file);
            requireConsistentColumns(columns, keyColumns, Identifiers.display(schema, name));
            requireNaturalKeyColumns(columns, naturalKey, Identifiers.display(schema, name));
            if (rowCount < 0 || !Sha256.isWellFormed(sha256)) {
                throw SnapshotErrors.format("Table " + Identifiers.display(schema, name) + " needs a row count "
                        + ">= 0 and a SHA-256 of 64 lowercase hex digits, found " + rowCount + " and '" + sha256
                        + "'.");
            }
        }

        /** A table with no recorded selection. */
        public Table(String schema, String name, String file, List<Column> columns, List<String> keyColumns,
                long rowCount, String sha256, List<String> naturalKey) {
            this(schema, name, file, columns, keyColumns, rowCount, sha256, naturalKey, null);
        }

        /** A table without a natural key and with no recorded selection. */
        public Table(String schema, String name, String file, List<Column> columns, List<String> keyColumns,
                long rowCount, String sha256) {
            this(schema, name, file, columns, keyColumns, rowCount, sha256, List.of());
        }

        /** This entry with {@code columns} as its natural key (empty: none). */
        public Table withNaturalKey(List<String> columns) {
            return new Table(schema, name, file, this.columns, keyColumns, rowCount, sha256, columns, selection);
        }

        /** This entry with {@code selection} recorded as the reason for its rows. */
        public Table withSelection(Selection selection) {
            return new Table(schema, name, file, columns, keyColumns, rowCount, sha256, naturalKey,
                    Objects.requireNonNull(selection, "selection"));
        }

        /** Why an export put these rows in the file, where the manifest records it. */
        public Optional<Selection> recordedSelection() {
            return Optional.ofNullable(selection);
        }

        /** The names of {@link #columns()}, in file order. */
        public List<String> columnNames() {
            return columns.stream().map(Column::name).toList();
        }

        @Override
        public String toString() {
            return Identifiers.display(schema, name);
        }

        private static void requireSafeFileName(TableFileName table, String file) {
            if (file.contains("/") || file.contains("\\") || file.contains("\u0000") || file.startsWith(".")
                    || file.matches("^[A-Za-z]:.*")) {
                throw SnapshotErrors.format("Table " + table + " names file '" + file + "', which would escape "
                        + "the snapshot directory; a table file is a plain file name inside the snapshot.");
            }
            String expected = table.fileName();
            if (!file.equals(expected)) {
                throw SnapshotErrors.format("Table " + table + " names file '" + file + "', but its file is always "
                        + "named '" + expected + "'.");
            }
        }

        private static void requireNaturalKeyColumns(List<Column> columns, List<String> naturalKey, String table) {
            List<String> names = columns.stream().map(Column::name).toList();
            for (String column : naturalKey) {
                if (!names.contains(column) || naturalKey.indexOf(column) != naturalKey.lastIndexOf(column)) {
                    throw SnapshotErrors.format("Table " + table + " has natural key " + naturalKey + ", but '"
                            + column + "' is " + (names.contains(column) ? "listed twice" : "not one of its columns "
                            + names) + ".");
                }
            }
        }

        private static void requireConsistentColumns(List<Column> columns, List<String> keys, String table) {
            Set<String> names = new HashSet<>();
            for (Column column : columns) {
                if (!names.add(column.name())) {
                    throw SnapshotErrors.format("Table " + table + " lists column '" + column.name() + "' twice.");
                }
            }
            for (String key : keys) {
                if (!names.contains(key)) {
                    throw SnapshotErrors.format("Table " + table + " has key column '" + key + "', which is not "
                            + "one of its columns " + columns.stream().map(Column::name).toList() + ".");
                }
            }
        }
    }

    /**
     * Why an export put a table's rows in its file, recorded in the manifest so that a reviewer of a refreshed
     * snapshot (and {@code seedkit plan --explain}) can see which reference made a table grow.
     *
     * @param byLimit  rows chosen by the table's own limit and filter
     * @param pulledIn rows added as parents of chosen rows, by the foreign key that pulled them in, most first
     */
    public record Selection(long byLimit, List<PulledIn> pulledIn) {

        public Selection {
            if (byLimit < 0) {
                throw SnapshotErrors.format("A selection's byLimit must be >= 0, found " + byLimit + ".");
            }
            pulledIn = List.copyOf(pulledIn);
        }

        /** Rows the selection accounts for: by limit plus every pulled-in count. */
        public long rows() {
            return byLimit + pulledIn.stream().mapToLong(PulledIn::rows).sum();
        }

        /**
         * The selection in words, e.g. {@code 112 rows = 100 by limit + 12 via users_created_by_fkey (from
         * public.users)}.
         */
        public String describe() {
            StringBuilder text = new StringBuilder().append(rows()).append(" rows = ").append(byLimit)
                    .append(" by limit");
            for (PulledIn pulled : pulledIn) {
                text.append(" + ").append(pulled.rows()).append(" via ").append(pulled.foreignKey())
                        .append(" (from ").append(pulled.child()).append(')');
            }
            return text.toString();
        }
    }

    /**
     * Rows of a table pulled in through one foreign key: the parents that chosen rows of {@code child} reference.
     *
     * @param foreignKey the constraint's name (for a virtual foreign key, its textual form)
     * @param child      the referencing table, as {@code schema.table}
     * @param rows       how many rows it pulled in (a row two foreign keys reference counts for the first)
     */
    public record PulledIn(String foreignKey, String child, long rows) {

        public PulledIn {
            Objects.requireNonNull(foreignKey, "foreignKey");
            Objects.requireNonNull(child, "child");
            if (rows < 0) {
                throw SnapshotErrors.format("Rows pulled in via " + foreignKey + " must be >= 0, found " + rows
                        + ".");
            }
        }
    }

    /** For messages and logs: the fixture version, the number of tables and the creation time. */
    @Override
    public String toString() {
        return "snapshot " + fixtureVersion + " (" + tables.size() + " tables, created " + createdAt + ")";
    }
}
