package dev.seedkit.core.exporter;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.schema.TableName;
import dev.seedkit.core.schema.VirtualForeignKey;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Exports a small, referentially intact subset of a (large) PostgreSQL database into a snapshot directory: up to N
 * rows of every table, plus every row they reference, so that every foreign key of the snapshot resolves. The same
 * data always gives the same files, byte for byte (apart from the manifest's {@code createdAt}).
 *
 * <pre>{@code
 * ExportReport report = SnapshotExporter.builder()
 *         .rowsPerTable(100)
 *         .rowsPerTable("public.users", 500)
 *         .where("public.orders", "status = 'open'")
 *         .excludeTables("audit.login_events")
 *         .mask("public.users.email", Masking.EMAIL)
 *         .fixtureVersion("2024-05-demo-3")
 *         .build()
 *         .export(connection, Path.of("src/test/resources/fixtures/demo"));
 * }</pre>
 *
 * <p>How rows are chosen (docs/exporter.md has the details):
 * <ol>
 *   <li>Everything is read in one {@code REPEATABLE READ} transaction, so rows written meanwhile cannot produce
 *       orphans. It creates one temporary table for the chosen rows and then turns {@code READ ONLY}: nothing else
 *       is written to the source (which must therefore be a primary, not a hot standby).</li>
 *   <li>A table without a filter and with no more rows than its limit is taken whole; {@link #ALL_ROWS} takes every
 *       table whole, at COPY speed.</li>
 *   <li>Other tables are visited in load-plan order, parents first. Each takes its first rows (at most its limit,
 *       among those matching its {@link Builder#where filter}) whose non-NULL foreign keys all point at rows
 *       already chosen; if there are none, simply its first rows. The tables of a foreign-key cycle (a
 *       self-reference is one) take roots first, then rows whose parents are chosen, in passes, so that no
 *       ancestor chain needs pulling in. "First" means ordered by the primary key; without one, by a unique key
 *       whose columns are NOT NULL; without one, by all columns as text. Text keys compare bytewise
 *       ({@code COLLATE "C"}). Never {@code random()}, never {@code LIMIT} without {@code ORDER BY}.</li>
 *   <li>Then the closure: every row that a chosen row references (through declared or virtual foreign keys) is
 *       pulled in, and what those rows reference, until nothing is missing. Only parents are pulled, never the
 *       children of pulled rows. A reference with a NULL in any column (MATCH SIMPLE) needs no parent.
 *       {@link ExportReport#explain()} says per table which foreign key pulled in how many rows.</li>
 * </ol>
 * Every statement is set-based; round trips grow with the depth of the foreign-key graph and one COPY per table,
 * not with the number of rows.
 *
 * <p>Writing replaces the target directory atomically: the snapshot is written into a fresh sibling directory and
 * swapped in only when complete, so a failed export leaves the old snapshot as it was. Files other than the
 * manifest and the table files (a {@code README.md}, a {@code .gitattributes}) are carried over. A target that
 * exists, is not empty and has no {@code manifest.json} is refused rather than replaced.
 *
 * <p>An exporter is immutable and thread-safe; build it once and reuse it. Each export needs a connection in
 * auto-commit mode, which it leaves in auto-commit mode.
 */
public final class SnapshotExporter {

    /** Rows per table unless told otherwise. */
    public static final int DEFAULT_ROWS_PER_TABLE = 100;

    /**
     * A limit that takes every row: {@code rowsPerTable(ALL_ROWS)} exports the whole database (every table without
     * a filter is copied as it is, at COPY speed, with no selection at all).
     */
    public static final int ALL_ROWS = Integer.MAX_VALUE;

    /** The fixture version written to the manifest unless told otherwise. */
    public static final String DEFAULT_FIXTURE_VERSION = "unversioned";

    private final ExportOptions options;

    private SnapshotExporter(ExportOptions options) {
        this.options = options;
    }

    /** A builder with the defaults: 100 rows per table, every table of every user schema, nothing masked. */
    public static Builder builder() {
        return new Builder(ExportOption.Names.JAVA_API);
    }

    /**
     * A builder whose error messages, from the builder and from the export, name options with {@code names}
     * instead of the Java API's method names: for a front end with words of its own, such as a command line.
     */
    public static Builder builder(ExportOption.Names names) {
        return new Builder(Objects.requireNonNull(names, "names"));
    }

    /**
     * Exports a subset of the database {@code connection} points at into {@code directory}, replacing the
     * snapshot there if there is one.
     *
     * @throws SeedException {@link SeedException.Code#CONFIGURATION} for options that do not fit the schema (an
     *         unknown table, a NOT NULL foreign key into an excluded table, a masked key column, a bad filter);
     *         {@link SeedException.Code#DATABASE} when the database fails
     */
    public ExportReport export(Connection connection, Path directory) {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(directory, "directory");
        return new ExportRun(options, connection, directory).run();
    }

    /**
     * Options for a {@link SnapshotExporter}. Table names are {@code schema.table}, column names
     * {@code schema.table.column}; as in SQL, bare names are folded to lower case and double-quoted ones are taken
     * as written ({@code sales."Order Items"}). Names are checked against the database when an export starts.
     */
    public static final class Builder {
        private final ExportOption.Names names;
        private int defaultLimit = DEFAULT_ROWS_PER_TABLE;
        private final Map<TableName, Integer> limits = new LinkedHashMap<>();
        private final Map<TableName, String> filters = new LinkedHashMap<>();
        private final List<String> schemas = new ArrayList<>();
        private final Set<TableName> includedTables = new LinkedHashSet<>();
        private final Set<TableName> excludedTables = new LinkedHashSet<>();
        private final Set<ColumnRef> excludedColumns = new LinkedHashSet<>();
        private final List<VirtualForeignKey> virtualForeignKeys = new ArrayList<>();
        private final Map<ColumnRef, Masking> masks = new LinkedHashMap<>();
        private String maskingSecret = "";
        private String fixtureVersion = DEFAULT_FIXTURE_VERSION;
        private Clock clock = Clock.systemUTC();

        private Builder(ExportOption.Names names) {
            this.names = names;
        }

        /** How many rows each table contributes by itself (parents pulled in come on top); default 100. */
        public Builder rowsPerTable(int rows) {
            if (rows < 1) {
                throw new SeedException(SeedException.Code.CONFIGURATION, names.of(ExportOption.ROWS_PER_TABLE)
                        + " is " + rows + "; give at least 1 row per table.");
            }
            this.defaultLimit = rows;
            return this;
        }

        /** The number of rows {@code table} contributes by itself, instead of the default. */
        public Builder rowsPerTable(String table, int rows) {
            TableName name = table(table, ExportOption.TABLE_ROWS);
            if (rows < 1) {
                throw new SeedException(SeedException.Code.CONFIGURATION, names.of(ExportOption.TABLE_ROWS)
                        + " gives " + name + " " + rows + " rows; give at least 1, or leave the table out with "
                        + names.of(ExportOption.EXCLUDE_TABLES) + ".");
            }
            limits.put(name, rows);
            return this;
        }

        /**
         * An SQL condition that chooses which rows of {@code table} are taken by its limit, e.g.
         * {@code status = 'open'} (columns unqualified, or qualified with the table's name). Rows that other rows
         * reference are still pulled in whether they match or not. A filter that matches no row of a table that
         * has rows, and leaves it empty, fails the export.
         */
        public Builder where(String table, String condition) {
            Objects.requireNonNull(condition, "condition");
            filters.put(table(table, ExportOption.WHERE), condition);
            return this;
        }

        /** The schemas to read and export, names exactly as stored; by default every user schema. */
        public Builder includeSchemas(String... schemaNames) {
            schemas.addAll(List.of(schemaNames));
            return this;
        }

        /** Exports only these tables (of the schemas read); by default all of them. */
        public Builder includeTables(String... tables) {
            for (String table : tables) {
                includedTables.add(table(table, ExportOption.INCLUDE_TABLES));
            }
            return this;
        }

        /**
         * Leaves these tables out. A table that is exported and references one of them through a NOT NULL foreign
         * key fails the export; through a nullable one, only if the referencing columns are not excluded too.
         */
        public Builder excludeTables(String... tables) {
            for (String table : tables) {
                excludedTables.add(table(table, ExportOption.EXCLUDE_TABLES));
            }
            return this;
        }

        /**
         * Leaves these columns out of the snapshot; loading gives them NULL or their default. Only nullable or
         * defaulted columns qualify, and no key column. Excluding the columns of a nullable foreign key switches
         * that reference off: its parents are not pulled in.
         */
        public Builder excludeColumns(String... columns) {
            for (String column : columns) {
                excludedColumns.add(ColumnRef.parse(column, names.of(ExportOption.EXCLUDE_COLUMNS)));
            }
            return this;
        }

        /**
         * References the database does not declare, e.g. {@code public.orders(customer_ref) -> public.customers(id)}
         * (see {@link VirtualForeignKey#parse}); the export pulls in their parents like for real foreign keys.
         */
        public Builder virtualForeignKeys(String... references) {
            for (String reference : references) {
                virtualForeignKeys.add(VirtualForeignKey.parse(reference));
            }
            return this;
        }

        /**
         * Replaces the values of {@code column} with {@code masking}'s pseudonyms; see {@link Masking}.
         *
         * @throws SeedException {@link SeedException.Code#CONFIGURATION} for an SQL masking with an empty expression
         */
        public Builder mask(String column, Masking masking) {
            ColumnRef ref = ColumnRef.parse(column, names.of(ExportOption.MASK));
            if (Objects.requireNonNull(masking, "masking").blank()) {
                throw new SeedException(SeedException.Code.CONFIGURATION, "Column " + ref + " is masked with "
                        + masking.describe(names) + ", an empty SQL expression; give one such as "
                        + "'user-' || md5({column}) || '@example.com'.");
            }
            masks.put(ref, masking);
            return this;
        }

        /**
         * The secret the built-in maskings key their hashes with; without one (the default is empty), anyone who
         * can guess a value can check it against its pseudonym. The same secret gives the same pseudonyms, so keep
         * it stable across exports. It is passed as a session setting, never in SQL text or logs.
         */
        public Builder maskingSecret(String secret) {
            this.maskingSecret = Objects.requireNonNull(secret, "secret");
            return this;
        }

        /** The label the manifest records for this data set, e.g. {@code 2024-05-demo-3}. */
        public Builder fixtureVersion(String version) {
            if (Objects.requireNonNull(version, "version").isBlank()) {
                throw new SeedException(SeedException.Code.CONFIGURATION, names.of(ExportOption.FIXTURE_VERSION)
                        + " is blank; give a label such as 2024-05-demo-3, or leave it out for '"
                        + DEFAULT_FIXTURE_VERSION + "'.");
            }
            this.fixtureVersion = version;
            return this;
        }

        /** The clock that stamps the manifest's {@code createdAt}; for reproducible manifests in tests. */
        public Builder clock(Clock newClock) {
            this.clock = Objects.requireNonNull(newClock, "clock");
            return this;
        }

        /** An exporter with these options; later changes to this builder do not affect it. */
        public SnapshotExporter build() {
            return new SnapshotExporter(new ExportOptions(defaultLimit, limits, filters, schemas, includedTables,
                    excludedTables, excludedColumns, virtualForeignKeys, masks, maskingSecret, fixtureVersion, clock,
                    names));
        }

        private TableName table(String text, ExportOption option) {
            String what = names.of(option);
            List<String> parts = QualifiedName.parse(Objects.requireNonNull(text, what), 2, what);
            return TableName.of(parts.get(0), parts.get(1));
        }
    }
}
