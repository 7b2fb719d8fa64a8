package dev.seedkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.core.exporter.SnapshotExporter;
import dev.seedkit.core.importer.ImportReport;
import dev.seedkit.core.importer.SnapshotImporter;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.core.snapshot.SnapshotArchive;
import dev.seedkit.core.snapshot.SnapshotLocation;
import dev.seedkit.postgres.testing.TestDatabase;
import dev.seedkit.postgres.testing.TestPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Moving rows between two databases whose ids differ, with the plain Java API: export one as a single-file
 * snapshot, dry-run it into the other with natural keys declared, then import it. The docs quote these snippets.
 */
@ExtendWith(TestPostgres.class)
class NaturalKeysTests {

    /** Where the rows come from: statuses in the order they were created there, customers, orders. */
    private static final String SOURCE_ROWS = """
            insert into order_status (code, label) values ('new', 'New'), ('cancelled', 'Cancelled'),
                ('paid', 'Paid'), ('shipped', 'Shipped');
            insert into customers (email, name) values ('ada@shop.example', 'Ada'), ('grace@shop.example', 'Grace');
            insert into orders (customer_id, status_id, total) values (1, 4, 42.00), (2, 3, 17.50);
            """;

    @Test
    void movesOrdersIntoADatabaseWhoseStatusesAndCustomersHaveOtherIds(TestDatabase source, @TempDir Path dir)
            throws Exception {
        try (Connection c = source.connect()) {
            execute(c, migration().replaceAll("(?s)insert into order_status.*?;", "") + SOURCE_ROWS);
        }
        Path archive = exportArchive(source, dir);
        try (ScratchDatabase target = ScratchDatabase.create(source.server()); Connection c = target.connect()) {
            execute(c, migration() + "insert into customers (email, name) values ('zed@shop.example', 'Zed'), "
                    + "('grace@shop.example', 'Grace');");

            ImportReport dryRun = importArchive(c, archive, true);
            assertThat(dryRun.changes()).isTrue();
            assertThat(query(c, "select count(*) from orders")).isEqualTo("0");

            ImportReport imported = importArchive(c, archive, false);
            assertThat(imported.matched()).isEqualTo(5);
            assertThat(query(c, "select string_agg(cu.email || ' ' || st.code, ', ' order by o.total) from orders o "
                    + "join customers cu on cu.id = o.customer_id join order_status st on st.id = o.status_id"))
                    .isEqualTo("grace@shop.example paid, ada@shop.example shipped");
        }
    }

    private static Path exportArchive(TestDatabase source, Path dir) throws SQLException {
        // README: exporting a single-file snapshot
        try (Connection connection = source.connect()) {
            SnapshotExporter.builder().fixtureVersion("shop-7").build().export(connection, dir.resolve("shop"));
        }
        SnapshotArchive.write(dir.resolve("shop"), dir.resolve("shop.tar.gz"));   // or .zip
        return dir.resolve("shop.tar.gz");
    }

    private static ImportReport importArchive(Connection connection, Path archive, boolean dryRun) {
        // README: natural keys and dry runs
        try (Snapshot snapshot = SnapshotLocation.of(archive.toString()).open()) {   // or "classpath:shop.tar.gz"
            ImportReport report = SnapshotImporter.builder()
                    .naturalKey("public.order_status", "code")        // match rows by these columns, not by id
                    .naturalKey("public.customers", "email")
                    .dryRun(dryRun)                                   // true: compute, check, roll back
                    .build()
                    .importInto(connection, snapshot);
            System.out.print(report.render());                        // + matched, remapped per table
            return report;
        }
    }

    /** The migration that creates the order tables and inserts the statuses with its own ids. */
    private static String migration() throws IOException {
        try (InputStream in = NaturalKeysTests.class.getResourceAsStream("/reference-rows/V1__orders.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String query(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
