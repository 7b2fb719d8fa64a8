package dev.seedkit.core.importer;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.importer.Purpose.Kind;
import dev.seedkit.core.schema.TableName;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.core.internal.SnapshotSql;
import dev.seedkit.core.internal.TableFileReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongUnaryOperator;

/**
 * Moves one snapshot table into its database table, the way {@link LoadMethod#choose} picks: a single
 * {@code COPY ... FROM STDIN} straight from the file into an empty table; a key-only probe and then just the
 * missing rows for INSERT_MISSING into a filled one; otherwise through a {@link Stage} merged with one set-based
 * INSERT ... SELECT ... ON CONFLICT. Every staged merge first makes sure the file holds each key once. Values are
 * never turned into SQL literals. Keeps the stages it made until the commit drops them.
 */
final class TableLoader {

    private static final LongUnaryOperator EVERY_ROW = line -> line;

    private final ImportStatements statements;
    private final Snapshot snapshot;
    private final ImportProgress progress;
    private final Map<TableName, Stage> stages = new HashMap<>();
    private int stageNumber;

    TableLoader(ImportStatements statements, Snapshot snapshot, ImportProgress progress) {
        this.statements = statements;
        this.snapshot = snapshot;
        this.progress = progress;
    }

    /** The stage holding the whole file of {@code load}: the one made already, or a new one. */
    Stage staged(TableLoad load) {
        Stage stage = stages.get(load.name());
        return stage != null ? stage : stageToMerge(load);
    }

    /** Stages a file of a table subset, every row marked as needed or none ({@link SubsetStages} marks them). */
    Stage stageForSubset(TableLoad load, boolean allNeeded) {
        Stage stage = stage(load, Optional.of(allNeeded));
        stages.put(load.name(), stage);
        return stage;
    }

    /** Loads one table; {@code empty} says whether it held no rows before loading. */
    ImportReport.TableReport load(TableLoad load, boolean empty) {
        long started = System.nanoTime();
        Stage staged = stages.get(load.name());
        Outcome outcome = switch (LoadMethod.choose(load, staged != null, empty)) {
            case COPY_DIRECT -> Outcome.inserted(copyDirect(load));
            case PROBE_KEYS -> new Outcome(load.entry().rowCount(), insertMissing(load), 0);
            case STAGE_AND_MERGE -> merge(staged != null ? staged : stageToMerge(load));
            case SKIP_KEYLESS -> new Outcome(staged != null ? countNeeded(staged) : checkOnly(load), 0, 0);
        };
        return new ImportReport.TableReport(load.name().toString(), outcome.inserted(),
                outcome.candidates() - outcome.inserted() - outcome.updated(), outcome.updated(), 0, 0,
                Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * Second step of NULL-then-UPDATE for a table loaded by {@link #load}: sets its NULL-first columns. Only in
     * UPSERT mode may it change rows that were there before (their change is counted by the merge).
     */
    void fill(TableLoad load) {
        Stage stage = stages.get(load.name());
        statements.guarded(MergeSql.fill(stage), Purpose.on(load, Kind.LOAD,
                "setting the foreign-key cycle columns " + load.nulled() + " of " + load.name(),
                "UPDATE on " + load.name()), new StageDiagnosis(stage, statements));
    }

    private long copyDirect(TableLoad load) {
        try (TableFileReader reader = TableFileReader.open(snapshot, load.entry())) {
            return statements.copyIn(SnapshotSql.copyIn(load.name().schema(), load.name().name(),
                    load.entry().columnNames()), counted(load, reader, reader.dataStream()), Purpose.on(load,
                            Kind.COPY, "copying " + load.entry().file() + " into " + load.name(), "INSERT on "
                            + load.name()), EVERY_ROW);
        }
    }

    /**
     * A table without a key that has rows loads nothing, but its file is still read to the end, so that a broken
     * or tampered file (a bad line, a wrong checksum, a link) fails the import as it would anywhere else.
     */
    private long checkOnly(TableLoad load) {
        try (TableFileReader reader = TableFileReader.open(snapshot, load.entry())) {
            counted(load, reader, reader.dataStream()).transferTo(OutputStream.nullOutputStream());
            return reader.rowsRead();
        } catch (IOException e) {
            throw new SeedException(SeedException.Code.SNAPSHOT_CORRUPT, ImportErrors.FAILED + "could not read "
                    + load.entry().file() + ": " + e + ". Check that the snapshot's files are readable, then import "
                    + "again.", e);
        }
    }

    /** {@code rows} telling {@link ImportProgress} how far {@code reader} has got. */
    private InputStream counted(TableLoad load, TableFileReader reader, InputStream rows) {
        return progress == ImportProgress.NONE ? rows : new ProgressStream(rows, reader, load.name().toString(),
                progress);
    }

    /**
     * INSERT_MISSING into a table that already has rows, without parsing every value: copies only the key columns
     * (with each row's number) into a small stage, checks there that no key is in the file twice and finds the
     * rows whose key the table lacks with one anti-join, then re-reads the file and stages and merges just those
     * rows. A re-import of a snapshot whose rows are mostly present thus costs a key scan, not a full load.
     */
    private long insertMissing(TableLoad load) {
        String keyStage = Stage.nameFor(++stageNumber);
        BitSet missing = missingRows(load, keyStage);
        if (missing.isEmpty()) {
            statements.execute(ImportSql.drop(keyStage), probing(load));
            return 0;
        }
        Stage stage = stage(load, Optional.empty(), missing, ImportSql.drop(keyStage) + "; ");
        return statements.guarded(MergeSql.insertMissing(stage), mergePurpose(load),
                new StageDiagnosis(stage, statements))[0];
    }

    /**
     * The numbers (from 1) of the file's rows whose key the table does not hold, found with one anti-join on a key
     * stage; the same round trip checks that the file holds each key once.
     */
    private BitSet missingRows(TableLoad load, String keyStage) {
        statements.execute(ImportSql.createKeyStage(keyStage, load), probing(load));
        int[] indexes = load.keyColumns().stream().mapToInt(load.entry().columnNames()::indexOf).toArray();
        try (TableFileReader reader = TableFileReader.open(snapshot, load.entry())) {
            statements.copyIn(ImportSql.copyNumbered(keyStage, load.keyColumns()), counted(load, reader,
                    reader.numberedFieldsStream(indexes)), Purpose.on(load, Kind.COPY, "copying the keys of "
                    + load.entry().file(), ""), EVERY_ROW);
        }
        BitSet missing = new BitSet();
        boolean[] duplicate = new boolean[1];
        statements.query(ImportSql.anyDuplicateKey(keyStage, load.keyColumns()) + "; "
                + ImportSql.missingKeys(keyStage, load), probing(load), rs -> duplicate[0] = true,
                rs -> missing.set(Math.toIntExact(rs.getLong(1))));
        if (duplicate[0]) {
            StageDiagnosis.requireUniqueKeys(keyStage, load, statements);
        }
        return missing;
    }

    private static Purpose probing(TableLoad load) {
        return Purpose.on(load, Kind.LOAD, "finding the keys of " + load.entry().file() + " that " + load.name()
                + " lacks", "SELECT on " + load.name() + " and TEMPORARY on the database");
    }

    private Stage stageToMerge(TableLoad load) {
        Stage stage = stage(load, Optional.empty());
        stages.put(load.name(), stage);
        return stage;
    }

    /**
     * Merges a stage in one round trip: counts the rows to load, merges them inside a savepoint (see
     * {@link StageDiagnosis} for what a failure then finds), and checks that no key is in the file twice.
     */
    private Outcome merge(Stage stage) {
        TableLoad load = stage.load();
        boolean upsert = load.mode() == ImportMode.UPSERT && load.key().isPresent();
        long[] counts = {stage.rows(), 0, 0};
        List<String> sql = new ArrayList<>();
        List<ImportStatements.RowReader> readers = new ArrayList<>();
        if (load.onlyNeeded()) {
            sql.add(ImportSql.countNeeded(stage.name()));
            readers.add(rs -> counts[0] = rs.getLong(1));
        }
        sql.add(upsert ? MergeSql.upsert(stage) : MergeSql.insertMissing(stage));
        if (upsert) {
            readers.add(rs -> {
                counts[1] = rs.getLong(1);
                counts[2] = rs.getLong(2);
            });
        }
        boolean[] duplicate = new boolean[1];
        if (load.key().isPresent()) {
            sql.add(ImportSql.anyDuplicateKey(stage.name(), load.keyColumns()));
            readers.add(rs -> duplicate[0] = true);
        }
        long[] updates = statements.guarded(String.join("; ", sql), mergePurpose(load),
                new StageDiagnosis(stage, statements), readers.toArray(ImportStatements.RowReader[]::new));
        if (duplicate[0]) {
            StageDiagnosis.requireUniqueKeys(stage.name(), load, statements);
        }
        return new Outcome(counts[0], upsert ? counts[1] : updates[0], counts[2]);
    }

    private long countNeeded(Stage stage) {
        long[] count = new long[1];
        statements.query(ImportSql.countNeeded(stage.name()), Purpose.on(stage.load(), Kind.LOAD,
                "counting the rows of " + stage.load().name() + " the subset needs", ""),
                rs -> count[0] = rs.getLong(1));
        return count[0];
    }

    private Stage stage(TableLoad load, Optional<Boolean> needed) {
        return stage(load, needed, null, "");
    }

    /**
     * Copies the file (only the rows in {@code rows}, if not null) into a new stage; with {@code needed}, the
     * stage has the subset's flag, set for every row or for none. {@code before} is SQL to send along with the
     * stage's creation.
     */
    private Stage stage(TableLoad load, Optional<Boolean> needed, BitSet rows, String before) {
        String name = Stage.nameFor(++stageNumber);
        statements.execute(before + ImportSql.createStage(name, load, needed), Purpose.on(load, Kind.LOAD,
                "creating a stage for " + load.entry().file(), "SELECT on " + load.name()
                        + " and TEMPORARY on the database"));
        try (TableFileReader reader = TableFileReader.open(snapshot, load.entry())) {
            long copied = statements.copyIn(ImportSql.copyNumbered(name, load.entry().columnNames()),
                    counted(load, reader, reader.numberedDataStream(rows)), Purpose.on(load, Kind.COPY, "copying "
                            + load.entry().file() + " into a stage", ""), rows == null ? EVERY_ROW : nthRow(rows));
            return new Stage(name, load, copied);
        }
    }

    private static Purpose mergePurpose(TableLoad load) {
        return Purpose.on(load, Kind.LOAD, "merging the staged rows of " + load.entry().file() + " into "
                + load.name(), (load.mode() == ImportMode.UPSERT ? "INSERT, UPDATE" : "INSERT") + " and SELECT on "
                + load.name());
    }

    /** COPY's line {@code k} of a filtered stream is the k-th row number set in {@code rows}. */
    private static LongUnaryOperator nthRow(BitSet rows) {
        return k -> {
            int row = -1;
            for (long n = 0; n < k; n++) {
                row = rows.nextSetBit(row + 1);
                if (row < 0) {
                    return 0;
                }
            }
            return row;
        };
    }

    /** What loading a table did: rows it could have loaded (the file's, or the subset's share), inserted, updated. */
    private record Outcome(long candidates, long inserted, long updated) {
        static Outcome inserted(long rows) {
            return new Outcome(rows, rows, 0);
        }
    }
}
