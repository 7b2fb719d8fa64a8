package dev.seedkit.core.importer;

import static dev.seedkit.core.importer.ImportScenario.databaseState;
import static dev.seedkit.core.importer.ImportScenario.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A row the database refuses is reported on its file line with its key, however it was loaded: COPY straight into
 * an empty table, merged from a stage into a filled one, or found by the orphan check after loading with
 * foreign-key triggers off. Item 7 is on line 8 of {@code t.items.tsv}.
 */
@ExtendWith(TestPostgres.class)
class ImportLineNumberTests {

    static final String DDL = """
            create schema t;
            create table t.boxes (id int primary key);
            create table t.items (id int primary key, qty int not null, note text, box_id int references t.boxes);
            """;
    static final String DATA = """
            insert into t.boxes values (1), (2), (3);
            insert into t.items select g, g * 10, 'n' || g, 1 + g % 3 from generate_series(1, 10) g;
            """;
    static final String ITEM_7 = "7\t70\tn7\t2\n";

    @TempDir
    static Path dir;
    static PostgresServer server;

    @BeforeAll
    static void server(PostgresServer postgres) {
        server = postgres;
    }

    @ParameterizedTest(name = "{0} into a target that is filled: {1}")
    @CsvSource({"INSERT_MISSING, false", "INSERT_MISSING, true", "UPSERT, true"})
    void aValueTheColumnTypeRejectsIsAMalformedSnapshotOnItsFileLine(ImportMode mode, boolean filled)
            throws Exception {
        ImportScenario items = editedItems("7\tseventy\tn7\t2\n");
        assertRefused(items, mode, filled, true, "")
                .satisfies(e -> assertThat(((SeedException) e).code()).isEqualTo(SeedException.Code.SNAPSHOT_FORMAT))
                .hasMessageContaining("file t.items.tsv, line 8, column qty")
                .hasMessageContaining("\"seventy\"");
    }

    @ParameterizedTest(name = "{0} into a target that is filled: {1}, triggers off allowed: {2}")
    @CsvSource({"INSERT_MISSING, false, true", "INSERT_MISSING, true, true", "INSERT_MISSING, true, false",
            "UPSERT, true, true"})
    void aRowACheckConstraintRefusesIsNamedByLineAndKey(ImportMode mode, boolean filled, boolean triggersOff)
            throws Exception {
        ImportScenario items = ImportScenario.create(server, dir, DDL, DATA);
        assertRefused(items, mode, filled, triggersOff, "alter table t.items add constraint qty_below_70"
                + " check (qty < 70 or id <> 7) not valid")
                .satisfies(e -> assertThat(((SeedException) e).code()).isEqualTo(SeedException.Code.DATA_INTEGRITY))
                .hasMessageContaining("file t.items.tsv, line 8, key (id)=(7)")
                .hasMessageContaining("qty_below_70");
    }

    @ParameterizedTest(name = "{0} into a target that is filled: {1}")
    @CsvSource({"INSERT_MISSING, false", "INSERT_MISSING, true", "UPSERT, true"})
    void aNullInANotNullColumnIsNamedByLineAndKey(ImportMode mode, boolean filled) throws Exception {
        ImportScenario items = editedItems("7\t70\t\\N\t2\n");
        assertRefused(items, mode, filled, true, "alter table t.items alter column note set not null")
                .satisfies(e -> assertThat(((SeedException) e).code()).isEqualTo(SeedException.Code.DATA_INTEGRITY))
                .hasMessageContaining("file t.items.tsv, line 8, column note, key (id)=(7)");
    }

    @ParameterizedTest(name = "into a target that is filled: {0}, triggers off allowed: {1}")
    @CsvSource({"false, true", "false, false", "true, true", "true, false"})
    void anOrphanIsNamedByLineAndKey(boolean filled, boolean triggersOff) throws Exception {
        ImportScenario items = editedItems("7\t70\tn7\t99\n");
        assertRefused(items, ImportMode.INSERT_MISSING, filled, triggersOff, "")
                .satisfies(e -> assertThat(((SeedException) e).code()).isEqualTo(SeedException.Code.DATA_INTEGRITY))
                .hasMessageContaining("file t.items.tsv, line 8, key (id)=(7)")
                .hasMessageContaining("items_box_id_fkey")
                .hasMessageContaining("(box_id)=(99)");
    }

    private static ImportScenario editedItems(String item7) throws Exception {
        ImportScenario items = ImportScenario.create(server, dir, DDL, DATA);
        items.editTableFile("t.items.tsv", ITEM_7, item7);
        return items;
    }

    /**
     * Imports {@code items} into a new target (holding every row but item 7 when {@code filled}, then altered by
     * {@code targetSql}) and expects it refused with the target unchanged.
     */
    private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(ImportScenario items, ImportMode mode,
            boolean filled, boolean triggersOffAllowed, String targetSql) throws Exception {
        String target = items.newDatabase(true);
        try (Connection c = items.connect(target)) {
            if (filled) {
                execute(c, DATA + "delete from t.items where id = 7");
            }
            if (!targetSql.isEmpty()) {
                execute(c, targetSql);
            }
            String before = databaseState(c, "t");
            Throwable thrown;
            try (Snapshot snapshot = items.open()) {
                thrown = catchThrowable(() -> SnapshotImporter.builder().mode(mode)
                        .triggersOffAllowed(triggersOffAllowed).build().importInto(c, snapshot));
            }
            assertThat(databaseState(c, "t")).isEqualTo(before);
            return assertThat(thrown).isInstanceOf(SeedException.class).hasMessageContaining("nothing was imported");
        }
    }
}
