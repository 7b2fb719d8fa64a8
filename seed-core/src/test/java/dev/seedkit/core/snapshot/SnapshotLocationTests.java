package dev.seedkit.core.snapshot;

import static dev.seedkit.core.snapshot.SnapshotFixture.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.core.SeedException.Code;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshots open from a directory, a class path folder, and a folder inside a jar, and read the same. */
class SnapshotLocationTests {

    private static final List<List<String>> CUSTOMERS = List.of(
            List.of("1", "Ada Lovelace", "ada@example.com"),
            Arrays.asList("2", "Grace \"Amazing\" Hopper", null),
            List.of("3", "Tab\there, new\nline, back\\slash", ""));

    @Test
    void opensASnapshotInADirectory(@TempDir Path dir) {
        SnapshotFixture.demo(dir);
        try (Snapshot snapshot = SnapshotLocation.of(dir.toString()).open()) {
            assertThat(snapshot.manifest().tables()).extracting(SnapshotManifest.Table::file)
                    .containsExactly("public.users.tsv", "public.orders.tsv");
            assertThat(rows(snapshot, "public", "users")).containsExactly(Arrays.asList("1", "Ada", null),
                    List.of("2", "Grace", "line one\nline two"), List.of("3", "Linus", "tab\there"));
        }
    }

    @Test
    void opensASnapshotInAClassPathFolder() {
        try (Snapshot snapshot = SnapshotLocation.of("classpath:snapshot/demo").open()) {
            snapshot.verify();
            assertThat(snapshot.location()).hasToString("classpath:snapshot/demo");
            assertThat(rows(snapshot, "public", "customers")).isEqualTo(CUSTOMERS);
        }
    }

    @Test
    void opensASnapshotInsideAJar(@TempDir Path dir) throws Exception {
        Path jar = jarOfDemo(dir.resolve("fixtures.jar"), Optional.empty());
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
                Snapshot snapshot = SnapshotLocation.classpath("/fixtures/demo/", loader).open()) {
            snapshot.verify();
            assertThat(snapshot.location()).hasToString("classpath:fixtures/demo");
            assertThat(rows(snapshot, "public", "customers")).isEqualTo(CUSTOMERS);
            assertThat(rows(snapshot, "sales", "Order Lines")).hasSize(3)
                    .contains(Arrays.asList("101", "1", "3", "1000.00", null));
        }
    }

    @Test
    void checksTheFileListInsideAJarToo(@TempDir Path dir) throws Exception {
        Path jar = jarOfDemo(dir.resolve("fixtures.jar"), Optional.of("public.extra.tsv"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertFailure(() -> SnapshotLocation.classpath("fixtures/demo", loader).open(), Code.SNAPSHOT_CORRUPT,
                    "classpath:fixtures/demo/public.extra.tsv (table public.extra) is not listed in manifest.json, "
                            + "and a snapshot lists every table file. Delete the file if it is left over, or "
                            + "re-export the snapshot.");
        }
    }

    @Test
    void readsADirectoryWrittenWithTheFilePrefix(@TempDir Path dir) {
        SnapshotFixture.demo(dir);
        assertThat(SnapshotLocation.of(SnapshotLocation.FILE_PREFIX + dir)).isEqualTo(SnapshotLocation.directory(dir));
        try (Snapshot snapshot = SnapshotLocation.of("file:" + dir).open()) {
            assertThat(snapshot.location()).hasToString(dir.toString());
            assertThat(rows(snapshot, "public", "orders")).hasSize(2);
        }
    }

    @Test
    void looksUpAClassPathLocationWithTheClassLoaderItIsGiven(@TempDir Path dir) throws Exception {
        Path jar = jarOfDemo(dir.resolve("fixtures.jar"), Optional.empty());
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
                Snapshot snapshot = SnapshotLocation.of("classpath:fixtures/demo", loader).open()) {
            assertThat(rows(snapshot, "public", "customers")).isEqualTo(CUSTOMERS);
        }
        assertFailure(() -> SnapshotLocation.of("classpath:fixtures/demo").open(), Code.SNAPSHOT_NOT_FOUND,
                "No snapshot at classpath:fixtures/demo: the class path has no fixtures/demo/manifest.json. Put the "
                        + "snapshot under src/test/resources/fixtures/demo (or another class path folder), or fix "
                        + "the location.");
    }

    @Test
    void reportsAClassPathSnapshotThatIsNotThere() {
        assertFailure(() -> SnapshotLocation.of("classpath:fixtures/missing").open(), Code.SNAPSHOT_NOT_FOUND,
                "No snapshot at classpath:fixtures/missing: the class path has no fixtures/missing/manifest.json. "
                        + "Put the snapshot under src/test/resources/fixtures/missing (or another class path "
                        + "folder), or fix the location.");
    }

    @Test
    void refusesParentReferencesInClassPathLocations() {
        assertFailure(() -> SnapshotLocation.of("classpath:fixtures/../secrets"), Code.CONFIGURATION,
                "Class path location 'fixtures/../secrets' contains '..'; name the folder from the class path "
                        + "root, e.g. classpath:fixtures/demo.");
    }

    @Test
    void locationsWithTheSameTargetAreEqual(@TempDir Path dir) {
        assertThat(SnapshotLocation.of(dir.toString())).isEqualTo(SnapshotLocation.directory(dir));
        assertThat(SnapshotLocation.of("classpath:/a/b/")).isEqualTo(SnapshotLocation.classpath("a/b"))
                .hasToString("classpath:a/b");
    }

    static List<List<String>> rows(Snapshot snapshot, String schema, String table) {
        List<List<String>> rows = new ArrayList<>();
        try (TableRows reader = snapshot.openTable(snapshot.manifest().table(schema, table).orElseThrow())) {
            for (Optional<List<String>> row = reader.nextRow(); row.isPresent(); row = reader.nextRow()) {
                rows.add(row.get());
            }
        }
        return rows;
    }

    /** A jar with the demo snapshot under fixtures/demo/, without directory entries, plus an optional extra file. */
    private static Path jarOfDemo(Path jar, Optional<String> extra) throws IOException, URISyntaxException {
        Path demo = Path.of(SnapshotLocationTests.class.getResource("/snapshot/demo/manifest.json").toURI())
                .getParent();
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                Stream<Path> files = Files.list(demo)) {
            for (Path path : files.sorted().toList()) {
                out.putNextEntry(new ZipEntry("fixtures/demo/" + path.getFileName()));
                out.write(Files.readAllBytes(path));
                out.closeEntry();
            }
            if (extra.isPresent()) {
                out.putNextEntry(new ZipEntry("fixtures/demo/" + extra.get()));
                out.write("id\n".getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }
}
