package dev.seedkit.bench;

import dev.seedkit.core.internal.Identifiers;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.core.snapshot.SnapshotManifest;
import dev.seedkit.core.internal.TableFileReader;
import dev.seedkit.postgres.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * What a team would write by hand: parse each table file and {@code INSERT} its rows with a prepared statement in
 * batches of {@value #BATCH_SIZE}, {@code reWriteBatchedInserts=true} (multi-row VALUES), values bound as text and
 * cast by the server ({@code ?::type}), everything in one transaction.
 */
final class JdbcBatchInsert {

    static final int BATCH_SIZE = 1_000;

    private JdbcBatchInsert() {
    }

    /**
     * Loads the first {@code 1/divisor} of the rows of every table of {@code snapshot} (files are ordered by primary
     * key, so for the large data set that is a foreign-key-closed slice) in load order into {@code database};
     * returns the rows inserted.
     */
    static long load(PostgresServer server, String database, Snapshot snapshot, int divisor) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", server.username());
        properties.setProperty("password", server.password());
        properties.setProperty("reWriteBatchedInserts", "true");
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(database), properties)) {
            c.setAutoCommit(false);
            long rows = 0;
            for (SnapshotManifest.LoadStep step : snapshot.manifest().loadPlan()) {
                rows += insert(c, snapshot, snapshot.manifest().table(step.schema(), step.table()).orElseThrow(),
                        divisor);
            }
            c.commit();
            return rows;
        }
    }

    private static long insert(Connection c, Snapshot snapshot, SnapshotManifest.Table table, int divisor)
            throws SQLException {
        long limit = table.rowCount() / divisor;
        try (PreparedStatement insert = c.prepareStatement(insertSql(table));
             TableFileReader reader = TableFileReader.open(snapshot, table)) {
            long rows = 0;
            Optional<List<String>> row;
            while (rows < limit && (row = reader.nextRow()).isPresent()) {
                List<String> values = row.get();
                for (int i = 0; i < values.size(); i++) {
                    insert.setString(i + 1, values.get(i));
                }
                insert.addBatch();
                if (++rows % BATCH_SIZE == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            return rows;
        }
    }

    private static String insertSql(SnapshotManifest.Table table) {
        List<String> names = table.columnNames().stream().map(Identifiers::quote).toList();
        List<String> casts = table.columns().stream().map(column -> "?::" + column.type()).toList();
        return "INSERT INTO " + Identifiers.quote(table.schema(), table.name()) + " ("
                + String.join(", ", names) + ") VALUES (" + String.join(", ", casts) + ")";
    }
}
