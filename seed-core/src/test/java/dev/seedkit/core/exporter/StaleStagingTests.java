package dev.seedkit.core.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.core.internal.StagingLock;
import dev.seedkit.core.internal.StaleStaging;
import dev.seedkit.postgres.testing.TestDatabase;
import dev.seedkit.postgres.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What exports that died leave next to a snapshot directory is removed by the next export of it: only directories
 * named as Seedkit names them, only when no live process owns them.
 */
@ExtendWith(TestPostgres.class)
class StaleStagingTests {

    private static final String SHOP = "create table {s}.customers (id int primary key, name text)";

    @TempDir
    Path dir;

    @Test
    void theNextExportRemovesAStagingDirectoryWhoseExportIsNoLongerRunning(TestDatabase db) throws Exception {
        ExportFixture f = ExportFixture.create(db, "stale", SHOP).data("insert into {s}.customers values (1, 'a')");
        Path dead = Files.createDirectories(dir.resolve(".snap.export-8123"));
        Files.writeString(StagingLock.file(dead), "pid 999999 started 2024-01-01T00:00:00Z\n");
        Files.writeString(dead.resolve("stale.customers.tsv"), "id\tname\n1\ta\n");
        Path nested = Files.createDirectories(dir.resolve("..snap.refresh-1.export-2"));
        Files.writeString(StagingLock.file(nested), "pid 999999 started 2024-01-01T00:00:00Z\n");
        Files.writeString(dir.resolve(".snap.export-5.lock"), "pid 999999 started 2024-01-01T00:00:00Z\n");

        f.export(f.builder(), dir.resolve("snap"));

        assertThat(entries(dir)).containsExactly("snap");
        assertThat(entries(dir.resolve("snap"))).containsExactlyInAnyOrder("manifest.json", "stale.customers.tsv");
    }

    @Test
    void aStagingDirectoryThatALiveExportHoldsIsKept() throws Exception {
        Path live = Files.createDirectories(dir.resolve(".snap.refresh-42"));
        StagingLock lock = StagingLock.acquire(live);
        try {
            assertThat(StaleStaging.removeAround(dir.resolve("snap"))).isEmpty();
            assertThat(live).isDirectory();
            assertThat(StagingLock.owner(live)).startsWith("pid " + ProcessHandle.current().pid() + " started ");
        } finally {
            lock.close();
        }
        assertThat(StagingLock.file(live)).as("removed with the lock").doesNotExist();
        assertThat(StaleStaging.removeAround(dir.resolve("snap"))).as("once it is released").isEmpty();
        assertThat(live).as("without a lock file and just used, it may be a live export's first moment")
                .isDirectory();
    }

    @Test
    void aDirectoryWithoutLockFileIsRemovedOnlyWhenUntouchedForAnHour() throws Exception {
        Path unlocked = Files.createDirectories(dir.resolve(".snap.export-77"));
        Path file = Files.writeString(unlocked.resolve("stale.customers.tsv"), "id\n");
        assertThat(StaleStaging.removeAround(dir.resolve("snap"))).isEmpty();

        FileTime old = FileTime.from(Instant.now().minus(StaleStaging.UNLOCKED_GRACE).minusSeconds(60));
        Files.setLastModifiedTime(file, old);
        Files.setLastModifiedTime(unlocked, old);

        assertThat(StaleStaging.removeAround(dir.resolve("snap"))).containsExactly(unlocked);
        assertThat(unlocked).doesNotExist();
    }

    @Test
    void aReplacedSnapshotIsRemovedOnlyWhileTheTargetExists() throws Exception {
        Path replaced = Files.createDirectories(dir.resolve(".snap.replaced-5"));
        Files.writeString(replaced.resolve("manifest.json"), "{}");

        assertThat(StaleStaging.removeAround(dir.resolve("snap"))).as("the only copy of the old snapshot").isEmpty();
        Files.createDirectories(dir.resolve("snap"));
        assertThat(StaleStaging.removeAround(dir.resolve("snap"))).containsExactly(replaced);
    }

    @Test
    void directoriesNotNamedAsSeedkitNamesItsOwnAreNeverTouched() throws Exception {
        List<String> others = List.of(".snap.backup", ".snap.export-abc", ".other.export-1", "snap.export-1",
                ".snap.Export-1", ".snapshot.export-1");
        for (String name : others) {
            Path other = Files.createDirectories(dir.resolve(name));
            Files.writeString(StagingLock.file(other), "pid 999999\n");
        }
        Files.writeString(dir.resolve(".snap.export-9"), "a file, not a directory");

        assertThat(StaleStaging.removeAround(dir.resolve("snap"))).isEmpty();
        assertThat(entries(dir)).hasSize(2 * others.size() + 1);
    }

    private static List<String> entries(Path directory) throws Exception {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
