package dev.seedkit.core.snapshot;

import static dev.seedkit.core.snapshot.SnapshotFixture.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seedkit.core.SeedException.Code;
import dev.seedkit.core.snapshot.SnapshotManifest.Column;
import dev.seedkit.core.snapshot.SnapshotManifest.LoadStep;
import dev.seedkit.core.snapshot.SnapshotManifest.PulledIn;
import dev.seedkit.core.snapshot.SnapshotManifest.Selection;
import dev.seedkit.core.snapshot.SnapshotManifest.Table;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The manifest model is consistent by construction, and its JSON is stable, readable and read back exactly. */
class SnapshotManifestTests {

    private static final String SHA = "5b59ed0907b8515067926fdafa450fbd86cff1244ebee504db465b1dd9bac1a4";
    private static final String REPAIR = " Re-export the snapshot, or restore the file from version control.";

    @Test
    void writesPrettyJsonWithAFixedKeyOrderAndLfLineEndings() {
        assertThat(manifest().toJson()).isEqualTo("""
                {
                  "formatVersion": 1,
                  "fixtureVersion": "v1",
                  "createdAt": "2024-05-01T12:00:00Z",
                  "source": "db.example:5432/demo",
                  "schemaFingerprint": "fp",
                  "loadPlan": [
                    {
                      "schema": "public",
                      "table": "t",
                      "phase": "insert"
                    }
                  ],
                  "tables": [
                    {
                      "schema": "public",
                      "name": "t",
                      "file": "public.t.tsv",
                      "columns": [
                        {
                          "name": "id",
                          "type": "integer"
                        }
                      ],
                      "keyColumns": [
                        "id"
                      ],
                      "rowCount": 2,
                      "sha256": "%s"
                    }
                  ]
                }
                """.formatted(SHA));
    }

    @Test
    void readsBackWhatItWrites() {
        assertThat(read(manifest().toJson())).isEqualTo(manifest());
    }

    @Test
    void ignoresFieldsItDoesNotKnow() {
        String json = manifest().toJson().replace("\"source\":", "\"comment\": \"added later\", \"source\":");
        assertThat(read(json)).isEqualTo(manifest());
    }

    @Test
    void writesEmptyListsCompactly() {
        SnapshotManifest empty = new SnapshotManifest("v1", Instant.EPOCH, "s", "fp", List.of(), List.of());
        assertThat(empty.toJson()).contains("\"loadPlan\": [],\n  \"tables\": []\n}\n");
        assertThat(read(empty.toJson())).isEqualTo(empty);
    }

    @Test
    void reportsAMissingField() {
        String json = manifest().toJson().replace("\"source\": \"db.example:5432/demo\",", "");
        assertFailure(() -> read(json), Code.SNAPSHOT_FORMAT, "m.json: source must be a string, found nothing."
                + REPAIR);
    }

    @Test
    void reportsABadCreationTime() {
        String json = manifest().toJson().replace("2024-05-01T12:00:00Z", "yesterday");
        assertFailure(() -> read(json), Code.SNAPSHOT_FORMAT, "m.json: createdAt must be an ISO-8601 UTC time "
                + "such as 2024-05-01T12:00:00Z, found \"yesterday\"." + REPAIR);
    }

    @Test
    void refusesAKeyColumnThatIsNotAColumn() {
        String json = manifest().toJson().replace("\"id\"\n", "\"ID\"\n");
        assertFailure(() -> read(json), Code.SNAPSHOT_FORMAT, "m.json: Table public.t has key column 'ID', which is "
                + "not one of its columns [id]." + REPAIR);
    }

    @Test
    void refusesATableListedTwice() {
        List<Table> twice = List.of(table(), table());
        assertFailure(() -> new SnapshotManifest("v1", Instant.EPOCH, "s", "fp", List.of(), twice),
                Code.SNAPSHOT_FORMAT, "Table public.t is listed twice in the manifest." + REPAIR);
    }

    @Test
    void refusesALoadPlanThatNamesAnUnlistedTable() {
        List<LoadStep> plan = List.of(new LoadStep("public", "missing", "insert"));
        assertFailure(() -> new SnapshotManifest("v1", Instant.EPOCH, "s", "fp", plan, List.of(table())),
                Code.SNAPSHOT_FORMAT, "The load plan names table public.missing (phase 'insert'), which the "
                        + "manifest does not list." + REPAIR);
    }

    @Test
    void refusesALoadPlanStepWithAnEmptyTableName() {
        assertFailure(() -> new LoadStep("public", "", "insert"), Code.SNAPSHOT_FORMAT, "A load plan step names "
                + "table 'public'.''; schema and table names are non-empty and contain no NUL character." + REPAIR);
    }

    @Test
    void refusesAMalformedChecksumOrNegativeRowCount() {
        assertFailure(() -> new Table("public", "t", "public.t.tsv", List.of(), List.of(), -1, "ABC"),
                Code.SNAPSHOT_FORMAT, "Table public.t needs a row count >= 0 and a SHA-256 of 64 lowercase hex "
                        + "digits, found -1 and 'ABC'." + REPAIR);
    }

    @Test
    void recordsWhyAnExportChoseATablesRowsAndReadsItBack() {
        Selection selection = new Selection(1, List.of(new PulledIn("t_parent_fkey", "public.t", 1)));
        SnapshotManifest explained = new SnapshotManifest("v1", Instant.EPOCH, "s", "fp",
                List.of(new LoadStep("public", "t", "insert")), List.of(table().withSelection(selection)));

        String json = explained.toJson();

        assertThat(json).contains("""
                      "sha256": "%s",
                      "selection": {
                        "byLimit": 1,
                        "pulledIn": [
                          {
                            "foreignKey": "t_parent_fkey",
                            "from": "public.t",
                            "rows": 1
                          }
                        ]
                      }
                """.formatted(SHA));
        assertThat(read(json)).isEqualTo(explained);
        assertThat(read(json).tables().get(0).recordedSelection()).contains(selection);
        assertThat(selection.describe()).isEqualTo("2 rows = 1 by limit + 1 via t_parent_fkey (from public.t)");
        assertThat(read(manifest().toJson()).tables().get(0).recordedSelection()).isEmpty();
    }

    @Test
    void keepsASelectionAFileEditedSinceTheExportNoLongerMatchesButRefusesANegativeCount() {
        Table edited = table().withSelection(new Selection(5, List.of()));
        assertThat(read(new SnapshotManifest("v1", Instant.EPOCH, "s", "fp", List.of(new LoadStep("public", "t",
                "insert")), List.of(edited)).toJson()).tables().get(0).recordedSelection().orElseThrow().rows())
                .as("what the export chose, though the file now has %d rows", edited.rowCount()).isEqualTo(5);
        assertFailure(() -> read(manifest().toJson().replace("\"rowCount\": 2,", "\"rowCount\": 2,\n"
                + "\"selection\": {\"byLimit\": -1, \"pulledIn\": []},")), Code.SNAPSHOT_FORMAT,
                "m.json: tables[0].selection.byLimit must be a whole number >= 0, found -1." + REPAIR);
    }

    @Test
    void refusesAColumnListedTwice() {
        List<Column> columns = List.of(new Column("id", "integer"), new Column("id", "text"));
        assertFailure(() -> new Table("public", "t", "public.t.tsv", columns, List.of(), 0, SHA),
                Code.SNAPSHOT_FORMAT, "Table public.t lists column 'id' twice." + REPAIR);
    }

    @Test
    void isImmutable() {
        List<Column> columns = new ArrayList<>(List.of(new Column("id", "integer")));
        Table table = new Table("public", "t", "public.t.tsv", columns, List.of("id"), 0, SHA);
        columns.add(new Column("later", "text"));
        assertThat(table.columnNames()).containsExactly("id");
        assertThatThrownBy(() -> table.columns().add(new Column("x", "text")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(manifest().table("public", "t")).contains(table());
        assertThat(manifest().table("public", "T")).isEmpty();
    }

    private static SnapshotManifest read(String json) {
        return SnapshotManifest.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "m.json");
    }

    private static SnapshotManifest manifest() {
        return new SnapshotManifest("v1", Instant.parse("2024-05-01T12:00:00Z"), "db.example:5432/demo", "fp",
                List.of(new LoadStep("public", "t", "insert")), List.of(table()));
    }

    private static Table table() {
        return new Table("public", "t", "public.t.tsv", List.of(new Column("id", "integer")), List.of("id"), 2, SHA);
    }
}
