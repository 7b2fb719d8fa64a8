package dev.seedkit.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seedkit.core.internal.TableFileReader;
import dev.seedkit.core.SeedException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Single-file snapshots: a snapshot packed into {@code .tar.gz} or {@code .zip} opens from its path or from the
 * class path like a directory, and packs to the same bytes twice; tampered archives are refused naming the
 * entry, before anything outside the unpacking directory is touched.
 */
class SnapshotArchiveTests {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"demo.tar.gz", "demo.tgz", "demo.zip"})
    void aPackedSnapshotOpensFromItsPathLikeTheDirectory(String name) throws Exception {
        demo();
        Path archive = dir.resolve(name);

        SnapshotArchive.write(dir.resolve("demo"), archive);

        List<Path> before = unpackedSnapshots();
        try (Snapshot snapshot = SnapshotLocation.of(archive.toString()).open()) {
            snapshot.verify();
            assertThat(snapshot.location()).hasToString(archive.toString());
            assertThat(snapshot.manifest().toJson()).isEqualTo(Files.readString(dir.resolve("demo/manifest.json")));
            assertThat(rows(snapshot, "users")).contains(List.of("2", "Grace", "line one\nline two"));
            assertThat(unpackedSnapshots()).hasSize(before.size() + 1);
        }
        assertThat(unpackedSnapshots()).as("closing deletes the unpacked files").isEqualTo(before);
    }

    @Test
    void theSameSnapshotPacksToTheSameBytes() throws Exception {
        demo();

        SnapshotArchive.write(dir.resolve("demo"), dir.resolve("one.tar.gz"));
        SnapshotArchive.write(dir.resolve("demo"), dir.resolve("two.tar.gz"));

        assertThat(Files.readAllBytes(dir.resolve("one.tar.gz"))).isEqualTo(
                Files.readAllBytes(dir.resolve("two.tar.gz")));
    }

    @Test
    void anArchiveOnTheClassPathOpensAsAClassPathLocation() throws Exception {
        demo();
        Files.createDirectories(dir.resolve("cp/fixtures"));
        SnapshotArchive.write(dir.resolve("demo"), dir.resolve("cp/fixtures/demo.zip"));

        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.resolve("cp").toUri().toURL()}, null);
             Snapshot snapshot = SnapshotLocation.classpath("fixtures/demo.zip", loader).open()) {
            snapshot.verify();
            assertThat(snapshot.location()).hasToString("classpath:fixtures/demo.zip");
        }
    }

    @Test
    void filesInOneTopFolderAreTheSnapshot() throws Exception {
        demo();
        Path archive = tarGz("top.tar.gz", tar -> {
            folder(tar, "demo/");
            for (String file : List.of("manifest.json", "public.users.tsv", "public.orders.tsv")) {
                file(tar, "demo/" + file, Files.readAllBytes(dir.resolve("demo").resolve(file)));
            }
        });

        try (Snapshot snapshot = SnapshotLocation.archive(archive).open()) {
            snapshot.verify();
        }
    }

    @Test
    void anEntryThatLeavesTheSnapshotIsRefusedNamingIt() throws Exception {
        Path dotDot = tarGz("dotdot.tar.gz", tar -> file(tar, "../evil.tsv", "x".getBytes(StandardCharsets.UTF_8)));
        Path absolute = tarGz("absolute.tar.gz", tar -> {
            TarArchiveEntry entry = new TarArchiveEntry("/etc/evil.tsv", true);
            entry.setSize(1);
            tar.putArchiveEntry(entry);
            tar.write('x');
            tar.closeArchiveEntry();
        });
        Path nested = tarGz("nested.tar.gz", tar -> file(tar, "a/b/evil.tsv", new byte[1]));

        assertRefused(dotDot, "entry '../evil.tsv' has a '..' part, which would lead outside the snapshot.");
        assertRefused(absolute, "entry '/etc/evil.tsv' is not a plain relative path (absolute, a drive, a backslash "
                + "or empty).");
        assertRefused(nested, "entry 'a/b/evil.tsv' is not where the archive's other files are; a snapshot archive "
                + "holds its files at its root or all in one top folder.");
        assertThat(dir.resolveSibling("evil.tsv")).doesNotExist();
    }

    @Test
    void linksAreRefusedNamingTheEntry() throws Exception {
        Path symlink = tarGz("symlink.tar.gz", tar -> {
            TarArchiveEntry entry = new TarArchiveEntry("public.users.tsv", TarConstants.LF_SYMLINK);
            entry.setLinkName("/etc/passwd");
            tar.putArchiveEntry(entry);
            tar.closeArchiveEntry();
        });
        Path hardLink = tarGz("hardlink.tar.gz", tar -> {
            TarArchiveEntry entry = new TarArchiveEntry("public.users.tsv", TarConstants.LF_LINK);
            entry.setLinkName("/etc/passwd");
            tar.putArchiveEntry(entry);
            tar.closeArchiveEntry();
        });
        Path zipLink = dir.resolve("symlink.zip");
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(Files.newOutputStream(zipLink))) {
            ZipArchiveEntry entry = new ZipArchiveEntry("manifest.json");
            entry.setUnixMode(0120777);
            zip.putArchiveEntry(entry);
            zip.write("/etc/passwd".getBytes(StandardCharsets.UTF_8));
            zip.closeArchiveEntry();
        }

        assertRefused(symlink, "entry 'public.users.tsv' is a symbolic link (to /etc/passwd), and a snapshot archive "
                + "holds plain files only.");
        assertRefused(hardLink, "entry 'public.users.tsv' is a hard link (to /etc/passwd), and a snapshot archive "
                + "holds plain files only.");
        assertRefused(zipLink, "entry 'manifest.json' is a symbolic link, and a snapshot archive holds plain files "
                + "only.");
    }

    @Test
    void aNameTwiceIsRefused() throws Exception {
        Path twice = tarGz("twice.tar.gz", tar -> {
            file(tar, "manifest.json", "{}".getBytes(StandardCharsets.UTF_8));
            file(tar, "./manifest.json", "{}".getBytes(StandardCharsets.UTF_8));
        });

        assertRefused(twice, "entry './manifest.json' is in the archive twice; each file of a snapshot is there once.");
    }

    @Test
    void aBombIsStoppedAtTheLimitOfBytesAndOfEntries() throws Exception {
        Path bomb = dir.resolve("bomb.zip");
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(Files.newOutputStream(bomb))) {
            zip.putArchiveEntry(new ZipArchiveEntry("public.users.tsv"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 8; i++) {
                zip.write(zeros);
            }
            zip.closeArchiveEntry();
        }
        Path many = tarGz("many.tar.gz", tar -> {
            for (int i = 0; i < 12; i++) {
                file(tar, "f" + i + ".txt", new byte[1]);
            }
        });
        assertThat(Files.size(bomb)).isLessThan(64 * 1024);

        withLimits("10", String.valueOf(1024 * 1024), () -> {
            assertRefused(bomb, "entry 'public.users.tsv' takes the archive past 1048576 bytes unpacked, the most a "
                    + "snapshot archive may unpack to (system property seedkit.snapshot.archive.maxBytes).");
            assertRefused(many, "entry 'f10.txt' is entry number 11, more than the 10 a snapshot archive may hold "
                    + "(system property seedkit.snapshot.archive.maxEntries).");
        });
    }

    @Test
    void anArchiveWithoutAManifestOrThatIsNotAnArchiveSaysSo() throws Exception {
        Path empty = tarGz("empty.tar.gz", tar -> file(tar, "notes.txt", new byte[1]));
        Path garbage = Files.writeString(dir.resolve("garbage.tar.gz"), "not gzip");

        assertThatThrownBy(() -> SnapshotLocation.archive(empty).open())
                .satisfies(e -> assertThat(((SeedException) e).code()).isEqualTo(SeedException.Code.SNAPSHOT_NOT_FOUND))
                .hasMessageStartingWith("No snapshot in " + empty + ": it has no manifest.json at its root.");
        assertThatThrownBy(() -> SnapshotLocation.archive(garbage).open())
                .hasMessageStartingWith("Could not unpack snapshot archive " + garbage + ": ");
        assertThatThrownBy(() -> SnapshotLocation.of(dir.resolve("missing.zip").toString()).open())
                .hasMessageStartingWith("No snapshot at " + dir.resolve("missing.zip")
                        + ": the archive does not exist.");
    }

    private void assertRefused(Path archive, String message) {
        assertThatThrownBy(() -> SnapshotLocation.archive(archive).open())
                .isInstanceOf(SeedException.class)
                .satisfies(e -> assertThat(((SeedException) e).code()).isEqualTo(SeedException.Code.SNAPSHOT_FORMAT))
                .hasMessageStartingWith("Snapshot archive " + archive + " refused: " + message);
    }

    /** Writes a {@code .tar.gz} with {@code entries}. */
    private Path tarGz(String name, Entries entries) throws IOException {
        Path archive = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(archive);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            entries.write(tar);
        }
        return archive;
    }

    private static void file(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    private static void folder(TarArchiveOutputStream tar, String name) throws IOException {
        tar.putArchiveEntry(new TarArchiveEntry(name));
        tar.closeArchiveEntry();
    }

    private static void withLimits(String entries, String bytes, Runnable check) {
        System.setProperty("seedkit.snapshot.archive.maxEntries", entries);
        System.setProperty("seedkit.snapshot.archive.maxBytes", bytes);
        try {
            check.run();
        } finally {
            System.clearProperty("seedkit.snapshot.archive.maxEntries");
            System.clearProperty("seedkit.snapshot.archive.maxBytes");
        }
    }

    /** The demo snapshot in {@code dir/demo}. */
    private void demo() throws IOException {
        SnapshotFixture.demo(Files.createDirectories(dir.resolve("demo")));
    }

    /** The temporary directories archives are unpacked into. */
    private static List<Path> unpackedSnapshots() throws IOException {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("seedkit-snapshot-")).sorted().toList();
        }
    }

    private static List<List<String>> rows(Snapshot snapshot, String table) {
        try (TableFileReader reader = TableFileReader.open(snapshot,
                snapshot.manifest().table("public", table).orElseThrow())) {
            List<List<String>> rows = new ArrayList<>();
            for (Optional<List<String>> row = reader.nextRow(); row.isPresent(); row = reader.nextRow()) {
                rows.add(Arrays.asList(row.get().toArray(String[]::new)));
            }
            return rows;
        }
    }

    /** Entries of a test archive. */
    @FunctionalInterface
    private interface Entries {
        void write(TarArchiveOutputStream tar) throws IOException;
    }
}
