package dev.seedkit.core.importer;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The Seedkit-owned record, in the target database, of which snapshots were applied: table
 * {@code seedkit.applied_snapshots}. Importers serialise on a transaction-scoped advisory lock, so that of several
 * importers (threads, JVMs, Maven forks) exactly one loads a snapshot and the others find its record.
 */
final class AppliedSnapshots {

    /** Advisory lock key shared by every Seedkit importer: "seedkit" as a number. */
    static final long LOCK_KEY = 0x5EED_0000_0000_0001L;

    private AppliedSnapshots() {
    }

    /**
     * Waits for the import lock (released when the transaction ends), then makes sure the record table exists; one
     * round trip.
     */
    static void lockAndEnsureTable(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ");"
                    + " CREATE SCHEMA IF NOT EXISTS seedkit;"
                    + " CREATE TABLE IF NOT EXISTS seedkit.applied_snapshots ("
                    + " snapshot_id text NOT NULL, fixture_version text NOT NULL, mode text NOT NULL,"
                    + " tables text[] NOT NULL, rows_inserted bigint NOT NULL,"
                    + " applied_at timestamptz NOT NULL DEFAULT now())");
        }
    }

    static boolean contains(Connection connection, String snapshotId, ImportMode mode, List<String> tables)
            throws SQLException {
        String sql = "SELECT 1 FROM seedkit.applied_snapshots WHERE snapshot_id = ? AND mode = ? AND tables = ?";
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, snapshotId);
            s.setString(2, mode.name());
            s.setArray(3, textArray(connection, tables));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    static void record(Connection connection, ImportReport report, List<String> tables) throws SQLException {
        String sql = "INSERT INTO seedkit.applied_snapshots (snapshot_id, fixture_version, mode, tables, rows_inserted)"
                + " VALUES (?, ?, ?, ?, ?)";
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, report.snapshotId());
            s.setString(2, report.fixtureVersion());
            s.setString(3, report.mode().name());
            s.setArray(4, textArray(connection, tables));
            s.setLong(5, report.inserted());
            s.executeUpdate();
        }
    }

    private static Array textArray(Connection connection, List<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }
}
