package dev.seedkit.core.importer;

import static dev.seedkit.core.importer.ImportScenario.databaseState;
import static dev.seedkit.core.importer.ImportScenario.execute;
import static dev.seedkit.core.importer.ImportScenario.queryValue;
import static dev.seedkit.core.importer.TwoDatabases.byBusinessKey;
import static dev.seedkit.core.importer.TwoDatabases.withNaturalKeys;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.core.schema.SchemaReader;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Moving rows from database A into database B, whose rows overlap A's by business key but not by id, with every
 * table's natural key declared: a dry run changes nothing and counts right; the import leaves no orphan, no
 * business key twice, and every reference pointing at the same business entity as in A; importing again changes
 * nothing; an UPSERT after a change in A updates exactly the changed rows. With foreign-key triggers off (the
 * orphan check proves integrity) and on (the teams/members cycle loads NULL-then-UPDATE).
 */
@ExtendWith(TestPostgres.class)
class NaturalKeyImportTests {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "triggers off allowed: {0}")
    @ValueSource(booleans = {true, false})
    void aDryRunChangesNothingAndCountsWhatTheImportThenDoes(boolean triggersOffAllowed, PostgresServer server)
            throws Exception {
        TwoDatabases databases = TwoDatabases.create(server);
        try (Snapshot snapshot = databases.exportA(dir.resolve("a")); Connection b = databases.b()) {
            String before = databaseState(b, "biz");

            ImportReport dryRun = withNaturalKeys().triggersOffAllowed(triggersOffAllowed).dryRun(true).build()
                    .importInto(b, snapshot);

            assertThat(databaseState(b, "biz")).isEqualTo(before);
            assertThat(queryValue(b, "select to_regnamespace('seedkit') is null")).as("no trace, not even the "
                    + "record table").isEqualTo("t");
            assertThat(dryRun.dryRun()).isTrue();
            assertThat(dryRun.changes()).isTrue();
            Map<String, String> expected = expectedCounts();
            assertThat(counts(dryRun)).isEqualTo(expected);

            ImportReport imported = withNaturalKeys().triggersOffAllowed(triggersOffAllowed).build()
                    .importInto(b, snapshot);

            assertThat(imported.dryRun()).isFalse();
            assertThat(counts(imported)).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "triggers off allowed: {0}")
    @ValueSource(booleans = {true, false})
    void everyReferencePointsAtTheSameBusinessEntityAsInTheSourceAndAReImportIsANoOp(boolean triggersOffAllowed,
            PostgresServer server) throws Exception {
        TwoDatabases databases = TwoDatabases.create(server);
        try (Snapshot snapshot = databases.exportA(dir.resolve("a")); Connection a = databases.a();
             Connection b = databases.b()) {
            var onlyInB = byBusinessKey(b);

            withNaturalKeys().triggersOffAllowed(triggersOffAllowed).build().importInto(b, snapshot);

            assertThat(SnapshotVerifier.verify(b, snapshot, List.of()).problems()).isEmpty();
            assertThat(queryValue(b, "select count(*) - count(distinct email) from biz.members")).isEqualTo("0");
            assertThat(queryValue(b, "select count(*) - count(distinct code) from biz.teams")).isEqualTo("0");
            assertThat(queryValue(b, "select count(*) - count(distinct slug) from biz.projects")).isEqualTo("0");
            var afterImport = byBusinessKey(b);
            assertThat(afterImport).containsAll(onlyInB.stream().filter(l -> !l.startsWith("member cy@x")
                    && !l.startsWith("member ada@x")).toList());
            assertThat(afterImport).containsAll(byBusinessKey(a).stream()
                    .filter(l -> !l.startsWith("member cy@x") && !l.startsWith("member ada@x")).toList());
            assertThat(queryValue(b, "select string_agg(email || '=' || id, ' ' order by email) from biz.members"))
                    .as("matched rows keep B's ids, new rows keep A's unless B uses them, then get fresh ones")
                    .isEqualTo("ada@x=22 bob@x=23 cy@x=21 di@x=4 ed@x=5 yan@x=2 zed@x=20");
            assertThat(queryValue(b, "select string_agg(slug || '=' || id, ' ' order by slug) from biz.projects"))
                    .isEqualTo("alpha=6 beta=5 gamma=3 omega=1");
            assertThat(queryValue(b, "select nextval('biz.members_id_seq')")).isEqualTo("24");

            String imported = databaseState(b, "biz");
            ImportReport again = withNaturalKeys().triggersOffAllowed(triggersOffAllowed).force(true).build()
                    .importInto(b, snapshot);
            assertThat(again.changes()).isFalse();
            assertThat(again.inserted() + again.updated()).isZero();
            assertThat(databaseState(b, "biz")).isEqualTo(imported);
        }
    }

    @ParameterizedTest(name = "triggers off allowed: {0}")
    @ValueSource(booleans = {true, false})
    void anUpsertAfterAChangeInTheSourceUpdatesExactlyTheChangedRows(boolean triggersOffAllowed,
            PostgresServer server) throws Exception {
        TwoDatabases databases = TwoDatabases.create(server);
        try (Connection a = databases.a(); Connection b = databases.b()) {
            try (Snapshot first = databases.exportA(dir.resolve("first"))) {
                withNaturalKeys().mode(ImportMode.UPSERT).triggersOffAllowed(triggersOffAllowed).build()
                        .importInto(b, first);
            }
            execute(a, """
                    update biz.members set name = 'Ada L.' where email = 'ada@x';
                    update biz.projects set owner_id = 4 where slug = 'gamma';
                    update biz.teams set lead_id = 4 where code = 'data';
                    """);
            try (Snapshot second = databases.exportA(dir.resolve("second"))) {

                ImportReport report = withNaturalKeys().mode(ImportMode.UPSERT)
                        .triggersOffAllowed(triggersOffAllowed).build().importInto(b, second);

                Map<String, Long> updated = new LinkedHashMap<>();
                report.tables().forEach(t -> updated.put(t.table(), t.updated()));
                assertThat(updated).containsExactlyInAnyOrderEntriesOf(Map.of("biz.teams", 1L, "biz.members", 1L,
                        "biz.projects", 1L, "biz.assignments", 0L, "biz.tags", 0L));
                assertThat(report.inserted()).isZero();
            }
            assertThat(byBusinessKey(b)).contains("member ada@x Ada L. team core mentor -",
                    "project gamma Gamma owner di@x", "team data Data lead di@x");
            assertThat(byBusinessKey(b)).containsAll(byBusinessKey(a));
            assertThat(SchemaReader.read(b, List.of("biz")).tables()).hasSize(5);
        }
    }

    /** Per table: inserted/skipped/updated/matched/remapped. */
    private static Map<String, String> counts(ImportReport report) {
        Map<String, String> counts = new LinkedHashMap<>();
        report.tables().forEach(t -> counts.put(t.table(), t.inserted() + "/" + t.skipped() + "/" + t.updated() + "/"
                + t.matched() + "/" + t.remapped()));
        return counts;
    }

    private static Map<String, String> expectedCounts() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("biz.teams", "1/2/0/2/2");
        expected.put("biz.members", "3/2/0/2/3");
        expected.put("biz.projects", "2/1/0/1/2");
        expected.put("biz.assignments", "5/1/0/0/0");
        expected.put("biz.tags", "3/1/0/1/0");
        return expected;
    }
}
