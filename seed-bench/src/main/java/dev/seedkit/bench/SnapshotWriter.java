package dev.seedkit.bench;

import dev.seedkit.core.schema.Column;
import dev.seedkit.core.schema.LoadPlan;
import dev.seedkit.core.schema.Schema;
import dev.seedkit.core.schema.SchemaReader;
import dev.seedkit.core.schema.Table;
import dev.seedkit.core.snapshot.SnapshotManifest;
import dev.seedkit.core.internal.SnapshotSession;
import dev.seedkit.core.internal.SnapshotSql;
import dev.seedkit.core.internal.TableFileWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * Writes every row of every table of a database as a snapshot, in load-plan order, each table ordered by its
 * primary key: the benchmark's stand-in for the exporter, streaming each table through {@code COPY ... TO STDOUT}.
 */
final class SnapshotWriter {

    private SnapshotWriter() {
    }

    /** Writes the snapshot of the database behind {@code c} into {@code directory}, which must not exist yet. */
    static void write(Connection c, Path directory, String fixtureVersion) throws Exception {
        Files.createDirectories(directory);
        Schema schema = SchemaReader.read(c);
        List<SnapshotManifest.Table> tables = new ArrayList<>();
        List<SnapshotManifest.LoadStep> plan = new ArrayList<>();
        c.setAutoCommit(false);
        SnapshotSession.applyLocal(c);
        for (var step : LoadPlan.of(schema).steps()) {
            Table table = schema.table(step.table()).orElseThrow();
            tables.add(writeTable(c, directory, table));
            plan.add(new SnapshotManifest.LoadStep(table.name().schema(), table.name().name(), "insert"));
        }
        c.commit();
        c.setAutoCommit(true);
        new SnapshotManifest(fixtureVersion, Instant.now(), "seed-bench", schema.fingerprint(), plan, tables)
                .write(directory);
    }

    private static SnapshotManifest.Table writeTable(Connection c, Path directory, Table table) throws Exception {
        List<SnapshotManifest.Column> columns = table.columns().stream().filter(col -> !col.generated())
                .map(col -> new SnapshotManifest.Column(col.name(), col.type())).toList();
        List<String> names = columns.stream().map(SnapshotManifest.Column::name).toList();
        List<String> key = table.primaryKey().map(k -> k.columns()).orElse(List.of());
        List<String> orderBy = (key.isEmpty() ? names : key).stream()
                .map(col -> SnapshotSql.orderKey(col, isText(table, col))).toList();
        try (TableFileWriter writer = TableFileWriter.create(directory, table.name().schema(), table.name().name(),
                columns, key)) {
            c.unwrap(PGConnection.class).getCopyAPI().copyOut(SnapshotSql.copyOut(table.name().schema(),
                    table.name().name(), names, orderBy), writer.copyOutSink());
            return writer.finish();
        }
    }

    private static boolean isText(Table table, String column) {
        String type = table.column(column).map(Column::type).orElse("");
        return type.equals("text") || type.startsWith("character");
    }
}
