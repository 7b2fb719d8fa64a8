package dev.seedkit.core.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.core.internal.Identifiers;
import dev.seedkit.core.schema.TableName;
import dev.seedkit.core.schema.VirtualForeignKey;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.core.snapshot.SnapshotLocation;
import dev.seedkit.postgres.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One schema shape to export: created twice from the same DDL, as {@code <schema>} with data and as
 * {@code <schema>_copy} empty. {@link #export} runs the exporter on the first, checks the snapshot reads back
 * ({@link Snapshot#verify()}), loads it into the copy and proves with one anti-join per foreign key (declared and
 * virtual) that no exported row is an orphan; the copy's keys and unique constraints check the rest.
 */
final class ExportFixture {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T12:00:00Z"), ZoneOffset.UTC);

    private final TestDatabase db;
    private final String schema;
    private final List<String> virtualForeignKeys = new ArrayList<>();

    private ExportFixture(TestDatabase db, String schema) {
        this.db = db;
        this.schema = schema;
    }

    /** Creates {@code schema} and its empty copy from {@code ddl}, in which {@code {s}} stands for the schema. */
    static ExportFixture create(TestDatabase db, String schema, String ddl) throws Exception {
        for (String name : List.of(schema, schema + "_copy")) {
            db.execute("create schema " + Identifiers.quote(name) + ";\n"
                    + ddl.replace("{s}", Identifiers.quote(name)));
        }
        return new ExportFixture(db, schema);
    }

    /** Runs SQL on the source schema, {@code {s}} standing for it. */
    ExportFixture data(String sql) throws Exception {
        db.execute(sql.replace("{s}", Identifiers.quote(schema)));
        return this;
    }

    /** A virtual foreign key the exports pass to the builder and the orphan check includes. */
    ExportFixture virtualForeignKey(String reference) {
        virtualForeignKeys.add(reference.replace("{s}", schema));
        return this;
    }

    /** A builder for this schema with the fixed clock and the virtual foreign keys. */
    SnapshotExporter.Builder builder() {
        return SnapshotExporter.builder().includeSchemas(schema).clock(CLOCK)
                .virtualForeignKeys(virtualForeignKeys.toArray(String[]::new));
    }

    /** Exports with {@code builder} into {@code dir}, then verifies, loads and orphan-checks the snapshot. */
    ExportReport export(SnapshotExporter.Builder builder, Path dir) throws Exception {
        ExportReport report;
        try (Connection c = db.connect()) {
            report = builder.build().export(c, dir);
            assertThat(c.getAutoCommit()).as("auto-commit restored").isTrue();
        }
        try (Snapshot snapshot = SnapshotLocation.directory(dir).open()) {
            snapshot.verify();
            load(snapshot);
        }
        assertThat(orphans()).as("orphans in the exported rows").isEmpty();
        return report;
    }

    /** {@link #export} with {@link #builder()} and {@code rows} rows per table. */
    ExportReport export(int rows, Path dir) throws Exception {
        return export(builder().rowsPerTable(rows), dir);
    }

    /** The values of {@code column} in the loaded copy of {@code table}, ordered by it, as text. */
    List<String> loaded(String table, String column) throws Exception {
        String copy = Identifiers.quote(schema + "_copy", table);
        return db.query("select " + column + " from " + copy + " order by " + column).stream()
                .map(row -> row.get(0)).toList();
    }

    /** The loaded rows of {@code table}, each as its columns' text joined with {@code |}, in key order. */
    List<String> loadedRows(String table, String orderBy) throws Exception {
        String copy = Identifiers.quote(schema + "_copy", table);
        return db.query("select * from " + copy + " order by " + orderBy).stream()
                .map(row -> row.stream().map(String::valueOf).collect(Collectors.joining("|"))).toList();
    }

    TableName table(String name) {
        return TableName.of(schema, name);
    }

    private void load(Snapshot snapshot) throws Exception {
        try (Connection c = db.connect()) {
            OrphanCheck.load(c, snapshot, List.of(schema + "_copy"), s -> s + "_copy");
        }
    }

    private List<String> orphans() throws Exception {
        try (Connection c = db.connect()) {
            return OrphanCheck.orphans(c, List.of(schema + "_copy"), virtualForeignKeys.stream()
                    .map(v -> VirtualForeignKey.parse(v.replace(schema + ".", schema + "_copy."))).toList());
        }
    }
}
