package dev.seedkit.core.importer;

import dev.seedkit.core.importer.Purpose.Kind;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * The Seedkit-owned record, in the target database, of which snapshots were applied: table
 * {@code seedkit.applied_snapshots}. Importers serialise on a transaction-scoped advisory lock, so that of several
 * importers (threads, JVMs, Maven forks) exactly one loads a snapshot and the others find its record.
 */
final class AppliedSnapshots {

    private static final String NEEDS = "USAGE on schema seedkit and SELECT, INSERT on table "
            + "seedkit.applied_snapshots";

    private AppliedSnapshots() {
    }

    /**
     * Waits at most {@code lockTimeout} for the import lock (released when the transaction ends), then makes sure
     * the record table exists; one round trip.
     */
    static void lockAndEnsureTable(ImportStatements statements, Duration lockTimeout) {
        statements.execute(ImportSql.prepare(lockTimeout), Purpose.of(Kind.PREPARE, "taking the import lock and "
                + "creating table seedkit.applied_snapshots where it is missing", NEEDS));
    }

    static boolean contains(ImportStatements statements, String snapshotId, ImportMode mode, List<String> tables) {
        boolean[] found = new boolean[1];
        statements.prepared(ImportSql.APPLIED, Purpose.of(Kind.RECORD, "looking the snapshot up in "
                + "seedkit.applied_snapshots", NEEDS), s -> {
                    s.setString(1, snapshotId);
                    s.setString(2, mode.name());
                    s.setArray(3, textArray(s, tables));
                }, rs -> found[0] = true);
        return found[0];
    }

    static void record(ImportStatements statements, ImportReport report, List<String> tables) {
        statements.prepared(ImportSql.RECORD, Purpose.of(Kind.RECORD, "recording the import in "
                + "seedkit.applied_snapshots", NEEDS), s -> {
                    s.setString(1, report.snapshotId());
                    s.setString(2, report.fixtureVersion());
                    s.setString(3, report.mode().name());
                    s.setArray(4, textArray(s, tables));
                    s.setLong(5, report.inserted());
                }, rs -> { });
    }

    private static Array textArray(PreparedStatement statement, List<String> values) throws SQLException {
        return statement.getConnection().createArrayOf("text", values.toArray());
    }
}
