package dev.seedkit.examples;

import dev.seedkit.core.exporter.ExportReport;
import dev.seedkit.core.exporter.Masking;
import dev.seedkit.core.exporter.SnapshotExporter;
import dev.seedkit.core.importer.ImportReport;
import dev.seedkit.core.importer.SnapshotImporter;
import dev.seedkit.core.importer.SnapshotVerifier;
import dev.seedkit.core.schema.LoadPlan;
import dev.seedkit.core.schema.SchemaReader;
import dev.seedkit.core.schema.VirtualForeignKey;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.core.snapshot.SnapshotLocation;
import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.PostgresServers;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * The whole Seedkit workflow in one run, on embedded PostgreSQL (or {@code SEEDKIT_JDBC_URL}): build the demo
 * database, export a 100-rows-per-table snapshot from it, import that into a fresh test database, verify it, and
 * print the load plan and the per-table reports with timings. The README's first command runs this.
 *
 * <pre>
 * MainJob [--scale USERS] [--rows-per-table N] [--snapshot DIR]
 * </pre>
 */
public final class MainJob {

    /** The demo schema's one undeclared reference, declared to Seedkit so that it is kept intact. */
    public static final String VIRTUAL_FOREIGN_KEY =
            "public.platform_events(correlation_purchase_id) -> public.purchases(id)";

    private final PrintStream out;
    private final long started = System.nanoTime();

    MainJob(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        int scale = intOption(args, "--scale", DemoDatabase.DEFAULT_SCALE);
        int rows = intOption(args, "--rows-per-table", SnapshotExporter.DEFAULT_ROWS_PER_TABLE);
        String dir = option(args, "--snapshot", null);
        Path snapshot = dir != null ? Path.of(dir) : Files.createTempDirectory("seedkit-demo-snapshot-");
        new MainJob(System.out).run(DemoDatabase.ofScale(scale), rows, snapshot);
    }

    void run(DemoDatabase demo, int rowsPerTable, Path snapshotDirectory) throws Exception {
        out.println("Seedkit demo: build a demo database, export a snapshot, seed a test database, verify it.");
        try (PostgresServer server = step("Started PostgreSQL", PostgresServers::fromEnvironment)) {
            out.println("   " + server.description());
            createDatabase(server, "seedkit_demo");
            createDatabase(server, "seedkit_test");
            try (Connection demoDb = server.connect("seedkit_demo");
                    Connection testDb = server.connect("seedkit_test")) {
                buildDemo(demo, demoDb);
                ExportReport export = export(demoDb, rowsPerTable, snapshotDirectory);
                seed(testDb, export);
            }
        }
        out.printf("Done in %.1f s.%n", seconds(started));
    }

    private void buildDemo(DemoDatabase demo, Connection demoDb) throws Exception {
        step("Built the demo database (" + demo + ")", () -> {
            demo.build(demoDb);
            return null;
        });
        Map<String, Long> counts = DemoDatabase.rowCounts(demoDb);
        long rows = counts.values().stream().mapToLong(Long::longValue).sum();
        out.printf("   %d tables, %,d rows%n", counts.size(), rows);
    }

    private ExportReport export(Connection demoDb, int rowsPerTable, Path directory) throws Exception {
        ExportReport report = step("Exported up to " + rowsPerTable + " rows per table into " + directory,
                () -> SnapshotExporter.builder().includeSchemas(DemoDatabase.SCHEMAS.toArray(String[]::new))
                        .rowsPerTable(rowsPerTable).virtualForeignKeys(VIRTUAL_FOREIGN_KEY)
                        .mask("public.users.email", Masking.EMAIL).fixtureVersion("demo-" + rowsPerTable)
                        .build().export(demoDb, directory));
        out.printf("   %,d rows in %d files (%,d by limit, %,d parents pulled in), %d queries, %,d rows read%n",
                report.rows(), report.tables().size(), report.rowsSelectedByLimit(), report.rowsPulledInAsParents(),
                report.queries(), report.rowsRead());
        return report;
    }

    private void seed(Connection testDb, ExportReport export) throws Exception {
        step("Created the schema of a fresh test database", () -> {
            DemoDatabase.migrate(testDb);
            return null;
        });
        LoadPlan plan = LoadPlan.of(SchemaReader.read(testDb, DemoDatabase.SCHEMAS));
        out.print(indent(plan.toText()));
        try (Snapshot snapshot = SnapshotLocation.directory(export.directory()).open()) {
            ImportReport report = step("Imported the snapshot",
                    () -> SnapshotImporter.builder().build().importInto(testDb, snapshot));
            out.print(indent(report.render()));
            SnapshotVerifier.VerifyReport verified = step("Verified the test database",
                    () -> SnapshotVerifier.verify(testDb, snapshot,
                            List.of(VirtualForeignKey.parse(VIRTUAL_FOREIGN_KEY))));
            verified.requireOk();
            out.printf("   row counts match the manifest for %d tables; no orphaned reference%n",
                    verified.rowCounts().size());
        }
    }

    private <T> T step(String done, Step<T> step) throws Exception {
        long start = System.nanoTime();
        T result = step.run();
        out.printf("%s (%.2f s)%n", done, seconds(start));
        return result;
    }

    private static void createDatabase(PostgresServer server, String name) throws SQLException {
        try (Connection c = server.connect(server.defaultDatabase()); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
        }
    }

    private static String indent(String text) {
        return text.lines().map(line -> "   " + line + "\n").reduce("", String::concat);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static int intOption(String[] args, String name, int fallback) {
        String value = option(args, name, null);
        return value == null ? fallback : Integer.parseInt(value);
    }

    @FunctionalInterface
    private interface Step<T> {
        T run() throws Exception;
    }
}
