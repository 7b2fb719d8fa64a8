package dev.seedkit.core.importer;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.schema.SchemaCache;
import dev.seedkit.core.snapshot.Snapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Imports a snapshot into a PostgreSQL database: in load-plan order, in one transaction, at {@code COPY} speed,
 * idempotently, with sequences moved past the loaded keys. Usable without JUnit:
 *
 * <pre>{@code
 * try (Snapshot snapshot = SnapshotLocation.of("classpath:fixtures/demo").open();
 *      Connection connection = dataSource.getConnection()) {
 *     ImportReport report = SnapshotImporter.builder().mode(ImportMode.INSERT_MISSING).build()
 *             .importInto(connection, snapshot);
 * }
 * }</pre>
 *
 * <p>What it guarantees: either every row is in and every foreign key resolves, or the database is left exactly as
 * it was (sequences included: they move only once nothing else can fail) and a {@link SeedException} says which
 * table, file line and constraint failed. Each applied snapshot is recorded in {@code seedkit.applied_snapshots},
 * which the importer creates on first use (that needs CREATE on the database, unless schema {@code seedkit}
 * exists); importing it again (same snapshot, tables and mode) is a no-op unless
 * {@link Builder#force(boolean) forced}. Concurrent importers serialise on an advisory lock; every lock is waited
 * for at most {@link Builder#lockTimeout(Duration)}. Between databases whose ids differ, {@link Builder#naturalKey}
 * matches rows by business keys and rewrites the references to them; {@link Builder#dryRun(boolean)} computes and
 * checks everything, then rolls back. An importer is
 * immutable and thread-safe; share one, and share its {@link SchemaCache}, so the schema is read once per database.
 */
public final class SnapshotImporter {

    /** How long an import waits for a lock unless {@link Builder#lockTimeout(Duration)} says otherwise. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(30);

    private final ImportMode mode;
    private final List<String> tables;
    private final boolean force;
    private final boolean triggersOffAllowed;
    private final boolean verify;
    private final SchemaCache schemaCache;
    private final Duration lockTimeout;
    private final Map<String, List<String>> naturalKeys;
    private final boolean freshIds;
    private final boolean dryRun;
    private final ImportProgress progress;
    private final ImportOption.Names names;

    private SnapshotImporter(Builder builder) {
        this.mode = builder.mode;
        this.tables = List.copyOf(builder.tables);
        this.force = builder.force;
        this.triggersOffAllowed = builder.triggersOffAllowed;
        this.verify = builder.verify;
        this.schemaCache = builder.schemaCache;
        this.lockTimeout = builder.lockTimeout;
        this.naturalKeys = Collections.unmodifiableMap(new LinkedHashMap<>(builder.naturalKeys));
        this.freshIds = builder.freshIds;
        this.dryRun = builder.dryRun;
        this.progress = builder.progress;
        this.names = builder.names;
    }

    /** A builder with the defaults: {@link ImportMode#INSERT_MISSING}, all tables, not forced, fast path allowed. */
    public static Builder builder() {
        return new Builder(ImportOption.Names.JAVA_API);
    }

    /**
     * A builder whose error messages name options with {@code names} instead of the Java API's calls: for a front
     * end with words of its own, such as a command line.
     */
    public static Builder builder(ImportOption.Names names) {
        return new Builder(Objects.requireNonNull(names, "names"));
    }

    /**
     * Imports {@code snapshot} over {@code connection}, which is left in the auto-commit state it had. If the
     * import fails, the database is as it was (sequences included) and the {@link SeedException} says what failed,
     * where, and what to do; a connection that died on the way does not hide the original error.
     */
    public ImportReport importInto(Connection connection, Snapshot snapshot) {
        boolean autoCommit = autoCommit(connection, snapshot);
        ImportReport report;
        try {
            report = new ImportRun(connection, snapshot, this).execute();
        } catch (RuntimeException e) {
            restoreAutoCommit(connection, autoCommit, snapshot, e);
            throw e;
        }
        restoreAutoCommit(connection, autoCommit, snapshot, null);
        return report;
    }

    /** The connection's auto-commit state, which is then switched off for the import's transaction. */
    private static boolean autoCommit(Connection connection, Snapshot snapshot) {
        try {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            return autoCommit;
        } catch (SQLException e) {
            throw new SeedException(SeedException.Code.DATABASE, "Could not import " + snapshot + ": could not "
                    + "start a transaction on the connection: " + e.getMessage() + ". Check that the connection is "
                    + "open.", e);
        }
    }

    /** Restores auto-commit; if the import failed, a failure here only joins it as suppressed. */
    private static void restoreAutoCommit(Connection connection, boolean autoCommit, Snapshot snapshot,
            RuntimeException importFailure) {
        try {
            connection.setAutoCommit(autoCommit);
        } catch (SQLException e) {
            if (importFailure != null) {
                importFailure.addSuppressed(e);
                return;
            }
            throw new SeedException(SeedException.Code.DATABASE, "Imported " + snapshot + ", but could not restore "
                    + "the connection's auto-commit mode: " + e.getMessage() + ". The import is committed; open a "
                    + "new connection.", e);
        }
    }

    /** Opens a connection from {@code dataSource}, imports, and closes it. */
    public ImportReport importInto(DataSource dataSource, Snapshot snapshot) {
        try (Connection connection = dataSource.getConnection()) {
            return importInto(connection, snapshot);
        } catch (SQLException e) {
            throw new SeedException(SeedException.Code.DATABASE, "Could not connect to import " + snapshot + ": "
                    + e.getMessage(), e);
        }
    }

    ImportMode mode() {
        return mode;
    }

    ImportOption.Names names() {
        return names;
    }

    List<String> tables() {
        return tables;
    }

    boolean force() {
        return force;
    }

    boolean triggersOffAllowed() {
        return triggersOffAllowed;
    }

    boolean verify() {
        return verify;
    }

    SchemaCache schemaCache() {
        return schemaCache;
    }

    Duration lockTimeout() {
        return lockTimeout;
    }

    Map<String, List<String>> naturalKeys() {
        return naturalKeys;
    }

    boolean freshIds() {
        return freshIds;
    }

    boolean dryRun() {
        return dryRun;
    }

    ImportProgress progress() {
        return progress;
    }

    /** Options of an import. */
    public static final class Builder {
        private ImportMode mode = ImportMode.INSERT_MISSING;
        private List<String> tables = List.of();
        private boolean force;
        private boolean triggersOffAllowed = true;
        private boolean verify;
        private SchemaCache schemaCache = new SchemaCache();
        private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;
        private final Map<String, List<String>> naturalKeys = new LinkedHashMap<>();
        private boolean freshIds;
        private boolean dryRun;
        private ImportProgress progress = ImportProgress.NONE;
        private final ImportOption.Names names;

        private Builder(ImportOption.Names names) {
            this.names = names;
        }

        /** What to do with rows already present; default (and {@link ImportMode#DEFAULT}) is INSERT_MISSING. */
        public Builder mode(ImportMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode") == ImportMode.DEFAULT ? ImportMode.INSERT_MISSING : mode;
            return this;
        }

        /**
         * Loads only these tables ({@code schema.table}, or a bare name when unambiguous) with all their rows, plus
         * every ancestor table they need through foreign keys with only the rows they reference. Empty: all tables.
         * In {@link ImportMode#REPLACE} only these tables are replaced; ancestors only get the missing rows.
         */
        public Builder tables(List<String> tables) {
            this.tables = List.copyOf(tables);
            return this;
        }

        /** Imports even if the target records this snapshot as applied already; default false. */
        public Builder force(boolean force) {
            this.force = force;
            return this;
        }

        /**
         * Whether the importer may load with foreign-key triggers off ({@code session_replication_role = replica},
         * superusers only) and prove integrity with one orphan check per foreign key instead; faster, and it loads
         * any cycle. Other triggers do not fire either while loading. Default true; the importer falls back to
         * plain {@code COPY} with triggers on where the role does not allow it.
         */
        public Builder triggersOffAllowed(boolean allowed) {
            this.triggersOffAllowed = allowed;
            return this;
        }

        /**
         * Also runs {@link SnapshotVerifier} inside the import's transaction (row counts and every foreign key of
         * the snapshot's tables) and rolls back if it finds a problem; default false.
         */
        public Builder verify(boolean verify) {
            this.verify = verify;
            return this;
        }

        /** Shares schema reads across importers (e.g. one cache per test run); default: a cache of its own. */
        public Builder schemaCache(SchemaCache cache) {
            this.schemaCache = Objects.requireNonNull(cache, "cache");
            return this;
        }

        /**
         * How long the import waits for a lock (default {@link #DEFAULT_LOCK_TIMEOUT}, 30 s): for the import lock
         * that lets one Seedkit import at a time into a database, and for every table lock, e.g. while another
         * session's transaction holds a table it writes. When the time is up the import fails, changes nothing,
         * and names the table and the sessions holding the lock. Zero waits forever (PostgreSQL's
         * {@code lock_timeout = 0}).
         */
        public Builder lockTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative()) {
                throw new SeedException(SeedException.Code.CONFIGURATION, "lockTimeout(" + timeout + ") is negative; "
                        + "pass a positive duration, or Duration.ZERO to wait for locks without limit.");
            }
            this.lockTimeout = timeout;
            return this;
        }

        /**
         * Declares the columns that identify a row of {@code table} ({@code schema.table}, or a bare name when
         * unambiguous) across databases whose ids differ, e.g. {@code naturalKey("public.users", "email")}; a
         * declaration in the snapshot's manifest is overridden, and no columns at all switch it off. A snapshot row
         * whose natural key a row of the database has is that row: it is not inserted (UPSERT updates it where it
         * differs), and every foreign key value in the snapshot that pointed at the snapshot row's key is rewritten
         * to the database row's key before it is written, through self-references, cycles and composite keys. A
         * row with no match is inserted with its own key, or, where a row of the database has that key already
         * and the key comes from a sequence, with a fresh one (see {@link #freshIds(boolean)}), its references
         * rewritten too. Matching is set-based: staging tables and joins, never a query per row. Tables without a
         * natural key keep plain key semantics.
         */
        public Builder naturalKey(String table, String... columns) {
            Objects.requireNonNull(table, "table");
            for (String column : columns) {
                if (Objects.requireNonNull(column, "column").isBlank()) {
                    throw new SeedException(SeedException.Code.CONFIGURATION, "The natural key of " + table
                            + " names a blank column; name the columns as the table has them, e.g. "
                            + names.of(ImportOption.NATURAL_KEY, table, "email") + ".");
                }
            }
            naturalKeys.put(table.trim(), List.of(columns));
            return this;
        }

        /**
         * Whether every snapshot row of a table with a natural key that matches no row of the database gets a
         * fresh key, taken after the largest of the table's keys, the keys in the snapshot and the sequence's
         * last value, rather than only those whose key a row of the database holds already; default false. Applies
         * to tables whose key is one column fed by a sequence (serial, identity, {@code nextval} default); the
         * sequence is moved past the new keys when the import commits, never by a failed import or a dry run.
         */
        public Builder freshIds(boolean fresh) {
            this.freshIds = fresh;
            return this;
        }

        /**
         * Computes and checks everything an import would do (drift, matches, new keys, conflicts, orphans,
         * verification) inside a transaction that is then rolled back; the report counts what would have
         * changed and {@link ImportReport#dryRun()} is true. Nothing is recorded and no sequence moves. Default
         * false.
         */
        public Builder dryRun(boolean dry) {
            this.dryRun = dry;
            return this;
        }

        /** Told about each table as it loads, e.g. to draw a progress bar; default: nobody. */
        public Builder progress(ImportProgress listener) {
            this.progress = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public SnapshotImporter build() {
            return new SnapshotImporter(this);
        }
    }
}
