package dev.seedkit.core.exporter;

import dev.seedkit.core.schema.VirtualForeignKey;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.core.snapshot.SnapshotLocation;
import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.PostgresServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;

/**
 * Measures one export of 100 rows per table from the example application's database at its default scale
 * (30,000 users, about a million rows in 22 tables; see {@link DemoSchema}). Not a test: timings depend on the
 * machine. Builds the database on the server {@link PostgresServers#fromEnvironment()} gives (embedded unless
 * {@code SEEDKIT_JDBC_URL} is set), exports three times (the first one cold), checks that the runs gave the same
 * bytes, loads the snapshot into an empty copy and counts orphans, then drops both databases.
 *
 * <pre>{@code
 * mvn -o -q -pl seed-core test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.seedkit.core.exporter.ExportMeasurement [-Dexec.args="30000 100"]
 * }</pre>
 */
public final class ExportMeasurement {

    private static final int RUNS = 3;

    private ExportMeasurement() {
    }

    public static void main(String[] args) throws Exception {
        int scale = args.length > 0 ? Integer.parseInt(args[0]) : 30_000;
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        String database = "seedkit_export_" + System.nanoTime();
        try (PostgresServer server = PostgresServers.fromEnvironment()) {
            execute(server, server.defaultDatabase(), "create database " + database);
            execute(server, server.defaultDatabase(), "create database " + database + "_copy");
            try {
                measure(server, database, scale, rows);
            } finally {
                execute(server, server.defaultDatabase(), "drop database " + database + " with (force)");
                execute(server, server.defaultDatabase(), "drop database " + database + "_copy with (force)");
            }
        }
    }

    private static void measure(PostgresServer server, String database, int scale, int rows) throws Exception {
        DemoSchema demo = DemoSchema.find();
        long start = System.nanoTime();
        try (Connection c = server.connect(database)) {
            demo.build(c, scale, 1);
            System.out.printf("server: %s%ndemo database at scale %d: %,d rows in %d ms%n", server.description(),
                    scale, count(c), (System.nanoTime() - start) / 1_000_000);
        }
        Path dir = Files.createTempDirectory("seedkit-export-measurement");
        ExportReport report = null;
        for (int run = 1; run <= RUNS; run++) {
            try (Connection c = server.connect(database)) {
                report = exporter(rows).export(c, dir.resolve("run" + run));
            }
            System.out.printf("run %d: %d ms wall | %d queries | %d closure rounds | %d rows written (%d by limit,"
                    + " %d pulled in as parents) | %d rows read | %d tables%n", run, report.duration().toMillis(),
                    report.queries(), report.closureRounds(), report.rows(), report.rowsSelectedByLimit(),
                    report.rowsPulledInAsParents(), report.rowsRead(), report.tables().size());
        }
        report.tables().forEach(t -> System.out.printf("  %-28s %5d by limit %5d as parents %5d ms%n", t.table(),
                t.rowsSelectedByLimit(), t.rowsPulledInAsParents(), t.time().toMillis()));
        System.out.println("identical bytes in every run: " + identical(dir));
        System.out.println("orphans after loading into an empty copy: " + orphans(server, database, demo, dir));
        deleteTree(dir);
    }

    private static void deleteTree(Path dir) throws Exception {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static SnapshotExporter exporter(int rows) {
        return SnapshotExporter.builder().includeSchemas(DemoSchema.SCHEMAS.toArray(String[]::new))
                .rowsPerTable(rows).virtualForeignKeys(DemoSchema.VIRTUAL_FOREIGN_KEY)
                .mask("public.users.email", Masking.EMAIL).clock(ExportFixture.CLOCK).build();
    }

    private static boolean identical(Path dir) throws Exception {
        for (int run = 2; run <= RUNS; run++) {
            try (var files = Files.list(dir.resolve("run1"))) {
                for (Path file : files.toList()) {
                    Path other = dir.resolve("run" + run).resolve(file.getFileName());
                    if (Files.mismatch(file, other) != -1) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static List<String> orphans(PostgresServer server, String database, DemoSchema demo, Path dir)
            throws Exception {
        try (Connection c = server.connect(database + "_copy");
                Snapshot snapshot = SnapshotLocation.directory(dir.resolve("run1")).open()) {
            snapshot.verify();
            demo.migrate(c);
            OrphanCheck.load(c, snapshot, DemoSchema.SCHEMAS, s -> s);
            return OrphanCheck.orphans(c, DemoSchema.SCHEMAS,
                    List.of(VirtualForeignKey.parse(DemoSchema.VIRTUAL_FOREIGN_KEY)));
        }
    }

    private static long count(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select sum(n_live_tup)::bigint"
                + " from pg_stat_user_tables where schemaname in ('public', 'audit')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(PostgresServer server, String database, String sql) throws Exception {
        try (Connection c = server.connect(database); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
