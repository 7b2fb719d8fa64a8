package dev.seedkit.core.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** One INFO line per import; what happened per table is DEBUG detail (slf4j-simple logs INFO to stderr here). */
@ExtendWith(TestPostgres.class)
class ImportLoggingTests {

    @TempDir
    static Path dir;
    static ImportScenario shop;

    @BeforeAll
    static void writeShopSnapshot(PostgresServer server) throws Exception {
        shop = ImportScenario.create(server, dir, SnapshotImporterTests.SHOP, SnapshotImporterTests.SHOP_DATA);
    }

    @Test
    void anImportLogsOneInfoLineAndNoLinePerTable() throws Exception {
        List<String> lines;
        try (Snapshot snapshot = shop.open(); Connection c = shop.connect(shop.newDatabase(true))) {
            lines = stderrOf(() -> SnapshotImporter.builder().build().importInto(c, snapshot));
        }
        assertThat(lines).filteredOn(line -> line.contains("INFO")).singleElement().asString()
                .contains("Imported snapshot v1: ");
        assertThat(lines).noneMatch(line -> line.contains("Loaded shop."));
    }

    private static List<String> stderrOf(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
