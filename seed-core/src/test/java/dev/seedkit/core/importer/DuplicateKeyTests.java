package dev.seedkit.core.importer;

import static dev.seedkit.core.importer.ImportScenario.databaseState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A table file holding one key twice is a malformed snapshot, whatever the mode and the target. */
@ExtendWith(TestPostgres.class)
class DuplicateKeyTests {

    @TempDir
    static Path dir;
    static ImportScenario shop;
    static ImportScenario duplicates;

    @BeforeAll
    static void writeSnapshots(PostgresServer server) throws Exception {
        shop = ImportScenario.create(server, dir, SnapshotImporterTests.SHOP, SnapshotImporterTests.SHOP_DATA);
        // without its primary key the source can hold ticket 22 twice: file lines 3 (22, duplicate) and 4 (22, late)
        duplicates = ImportScenario.create(server, dir, SnapshotImporterTests.SHOP, SnapshotImporterTests.SHOP_DATA
                + "alter table shop.tickets drop constraint tickets_pkey;"
                + "insert into shop.tickets values (22, 'duplicate');");
    }

    @ParameterizedTest(name = "{0} into a target that is filled: {1}, triggers off allowed: {2}")
    @CsvSource({"INSERT_MISSING, false, true", "INSERT_MISSING, true, true", "INSERT_MISSING, true, false",
            "UPSERT, false, true", "UPSERT, true, true", "UPSERT, true, false",
            "REPLACE, false, true", "REPLACE, true, true"})
    void aKeyTwiceInOneFileIsRefusedWithBothLinesAndChangesNothing(ImportMode mode, boolean filled,
            boolean triggersOffAllowed) throws Exception {
        String target = shop.newDatabase(true);
        try (Connection c = shop.connect(target)) {
            if (filled) {
                try (Snapshot snapshot = shop.open()) {
                    SnapshotImporter.builder().build().importInto(c, snapshot);
                }
            }
            String before = databaseState(c, "shop");
            try (Snapshot snapshot = duplicates.open()) {
                assertThatThrownBy(() -> SnapshotImporter.builder().mode(mode).triggersOffAllowed(triggersOffAllowed)
                        .build().importInto(c, snapshot))
                        .isInstanceOf(SeedException.class)
                        .satisfies(e -> assertThat(((SeedException) e).code())
                                .isEqualTo(SeedException.Code.SNAPSHOT_FORMAT))
                        .hasMessageContaining("shop.tickets.tsv line 3 and line 4 both hold key (id)=(22)")
                        .hasMessageContaining("nothing was imported");
            }
            assertThat(databaseState(c, "shop")).isEqualTo(before);
        }
    }
}
