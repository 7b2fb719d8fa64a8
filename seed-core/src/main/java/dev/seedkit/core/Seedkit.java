package dev.seedkit.core;

import dev.seedkit.core.changes.Baseline;
import dev.seedkit.core.exporter.SnapshotExporter;
import dev.seedkit.core.importer.SnapshotImporter;
import dev.seedkit.core.importer.SnapshotVerifier;
import dev.seedkit.core.schema.LoadPlan;
import dev.seedkit.core.schema.Schema;
import dev.seedkit.core.schema.SchemaReader;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.core.snapshot.SnapshotLocation;
import java.sql.Connection;
import java.util.List;

/**
 * Where to start with Seedkit's engine: one class whose static factories lead to everything a program does with
 * snapshots, so that one import and the IDE's completion show the whole API. Each factory hands out the class that
 * does the work ({@link SnapshotExporter}, {@link SnapshotImporter}, {@link SnapshotVerifier}, {@link Snapshot},
 * {@link SchemaReader}, {@link LoadPlan}, {@link Baseline}); there is no logic here, and using those classes directly
 * is the same.
 *
 * <pre>{@code
 * ExportReport exported = Seedkit.exporter().includeSchemas("public").rowsPerTable(100).build()
 *         .export(source, Path.of("src/test/resources/fixtures/demo"));
 *
 * try (Snapshot snapshot = Seedkit.open("classpath:fixtures/demo")) {
 *     ImportReport imported = Seedkit.importer().build().importInto(target, snapshot);
 *     Seedkit.verifier().build().verify(target, snapshot).requireOk();
 * }
 * }</pre>
 */
public final class Seedkit {

    private Seedkit() {
    }

    /** Options for exporting a referentially intact subset of a database as a snapshot. */
    public static SnapshotExporter.Builder exporter() {
        return SnapshotExporter.builder();
    }

    /** Options for importing a snapshot into a database. */
    public static SnapshotImporter.Builder importer() {
        return SnapshotImporter.builder();
    }

    /** Options for checking a database against a snapshot: row counts, foreign keys and, on request, values. */
    public static SnapshotVerifier.Builder verifier() {
        return SnapshotVerifier.builder();
    }

    /**
     * Opens the snapshot at {@code location}: {@code classpath:fixtures/demo}, a directory path, or
     * {@code file:} and a path; see {@link SnapshotLocation#of(String)}. A folder of hand-written {@code .csv},
     * {@code .tsv} or {@code .yml} fixtures, or one such file, opens as a snapshot too. Close it when done.
     */
    public static Snapshot open(String location) {
        return SnapshotLocation.of(location).open();
    }

    /**
     * Captures the rows of the database behind {@code connection} as seeded, to tell later what a test changed:
     * {@code baseline.changes(connection)}. See {@link Baseline}.
     */
    public static Baseline baseline(Connection connection) {
        return Baseline.capture(connection);
    }

    /** Reads the tables, keys and foreign keys of {@code schemaNames} (every user schema when none is given). */
    public static Schema readSchema(Connection connection, String... schemaNames) {
        return schemaNames.length == 0 ? SchemaReader.read(connection)
                : SchemaReader.read(connection, List.of(schemaNames));
    }

    /** The order to load {@code schema}'s tables in, with a strategy for every foreign-key cycle. */
    public static LoadPlan plan(Schema schema) {
        return LoadPlan.of(schema);
    }
}
