package dev.seedkit.core.snapshot;

import static dev.seedkit.core.snapshot.SnapshotFixture.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.core.snapshot.SnapshotDiff.RowChange;
import dev.seedkit.core.snapshot.SnapshotDiff.TableDiff;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A refresh can be reviewed: the diff names tables and rows added, removed and changed, matched by key. */
class SnapshotDiffTests {

    private static final List<String> USERS = List.of("id:integer", "name:text", "note:text");

    @TempDir
    Path dir;

    @Test
    void findsRowsAddedRemovedAndChangedByKeyAndTablesAddedAndRemoved() throws Exception {
        Path before = write("before", fixture -> fixture
                .table("public", "users", USERS, List.of("id"), row("1", "Ada", null), row("2", "Grace", "x"),
                        row("3", "Linus", "tab\there"))
                .table("public", "legacy", List.of("id:integer"), List.of("id"), row("1")));
        Path after = write("after", fixture -> fixture
                .table("public", "users", USERS, List.of("id"), row("1", "Ada", null), row("2", "Grace H.", "y"),
                        row("4", "Margaret", "new\nline"))
                .table("sales", "Orders", List.of("id:integer"), List.of("id"), row("7"), row("8")));
        SnapshotDiff diff = diff(before, after);
        assertThat(diff.tablesAdded()).extracting(Object::toString).containsExactly("sales.\"Orders\"");
        assertThat(diff.tablesRemoved()).extracting(Object::toString).containsExactly("public.legacy");
        TableDiff users = diff.changedTables().get(0);
        assertThat(users.rowsAdded()).containsExactly(List.of("4"));
        assertThat(users.rowsRemoved()).containsExactly(List.of("3"));
        assertThat(users.rowsChanged()).containsExactly(new RowChange(List.of("2"), List.of("name", "note")));
        assertThat(users.rowsUnchanged()).isEqualTo(1);
        assertThat(diff.render()).isEqualTo("Snapshot diff from " + before + " to " + after + "\n"
                + "Table added: sales.\"Orders\" (2 rows)\n"
                + "Table removed: public.legacy (1 rows)\n"
                + "public.users: 1 added, 1 removed, 1 changed, 1 unchanged\n"
                + "  + id=4\n"
                + "  - id=3\n"
                + "  ~ id=2: name, note\n");
    }

    @Test
    void identicalSnapshotsHaveNoDifferences() throws Exception {
        Path before = Files.createDirectory(dir.resolve("a"));
        Path after = Files.createDirectory(dir.resolve("b"));
        SnapshotFixture.demo(before);
        SnapshotFixture.demo(after);
        SnapshotDiff diff = diff(before, after);
        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff.render()).endsWith("\nNo differences.\n");
    }

    @Test
    void comparesCommonColumnsAndReportsColumnsAddedAndRemoved() throws Exception {
        Path before = write("before", fixture -> fixture.table("public", "users", List.of("id:integer",
                "name:text", "old:text"), List.of("id"), row("1", "Ada", "gone"), row("2", "Grace", "gone")));
        Path after = write("after", fixture -> fixture.table("public", "users", List.of("id:integer", "email:text",
                "name:text"), List.of("id"), row("1", "ada@example.com", "Ada"), row("2", null, "Grace Hopper")));
        TableDiff users = diff(before, after).changedTables().get(0);
        assertThat(users.columnsAdded()).containsExactly("email");
        assertThat(users.columnsRemoved()).containsExactly("old");
        assertThat(users.rowsChanged()).containsExactly(new RowChange(List.of("2"), List.of("name")));
        assertThat(users.rowsUnchanged()).isEqualTo(1);
    }

    @Test
    void matchesTablesWithoutAKeyOnWholeRowsCountingDuplicates() throws Exception {
        List<String> columns = List.of("tag:text", "weight:integer");
        Path before = write("before", fixture -> fixture.table("public", "tags", columns, List.of(),
                row("a", "1"), row("a", "1"), row("b", null)));
        Path after = write("after", fixture -> fixture.table("public", "tags", columns, List.of(),
                row("a", "1"), row("b", "2")));
        TableDiff tags = diff(before, after).changedTables().get(0);
        assertThat(tags.keyColumns()).containsExactly("tag", "weight");
        assertThat(tags.rowsAdded()).containsExactly(List.of("b", "2"));
        assertThat(tags.rowsRemoved()).containsExactly(List.of("a", "1"), List.of("b", "\\N"));
        assertThat(tags.rowsChanged()).isEmpty();
    }

    @Test
    void rendersAtMostTwentyRowsOfEachKind() throws Exception {
        Path before = write("before", fixture -> fixture.table("public", "n", List.of("id:integer"), List.of("id")));
        Path after = write("after", fixture -> fixture.table("public", "n", List.of("id:integer"), List.of("id"),
                IntStream.range(0, 25).mapToObj(i -> row(String.valueOf(i))).toList().toArray(List[]::new)));
        String rendered = diff(before, after).render();
        assertThat(rendered).contains("public.n: 25 added, 0 removed, 0 changed, 0 unchanged\n", "  + id=19\n",
                "  ... and 5 more added\n").doesNotContain("id=20");
    }

    private Path write(String name, UnaryOperator<SnapshotFixture> tables) throws Exception {
        Path directory = Files.createDirectory(dir.resolve(name));
        tables.apply(new SnapshotFixture(directory)).writeManifest();
        return directory;
    }

    private static SnapshotDiff diff(Path before, Path after) {
        try (Snapshot a = SnapshotLocation.directory(before).open();
                Snapshot b = SnapshotLocation.directory(after).open()) {
            return SnapshotDiff.between(a, b);
        }
    }
}
