package dev.seedkit.cli;

import dev.seedkit.core.internal.DirectorySwap;
import dev.seedkit.core.snapshot.SnapshotManifest;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A new snapshot for {@code refresh}, written into a hidden directory next to the committed one
 * ({@code .demo.refresh-*} beside {@code demo}) and checked there. {@link #commit()} swaps it in with the
 * exporter's own {@link DirectorySwap} (two renames, the old snapshot's extra files and permissions kept); until then
 * the committed snapshot is untouched, and {@link #close()} deletes the new one.
 */
final class StagedSnapshot implements AutoCloseable {

    private final Path target;
    private final DirectorySwap swap;

    private StagedSnapshot(Path target, DirectorySwap swap) {
        this.target = target;
        this.swap = swap;
    }

    /**
     * Checks that {@code target} is absent, empty or a snapshot, and creates the directory to stage into.
     *
     * @throws dev.seedkit.core.SeedException {@code CONFIGURATION} if the target holds something else
     */
    static StagedSnapshot next(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        return new StagedSnapshot(absolute, DirectorySwap.prepare(absolute, "refresh"));
    }

    /** Where to write the new snapshot. */
    Path directory() {
        return swap.workDirectory();
    }

    /** Whether there is a committed snapshot to compare with. */
    boolean replacesOne() {
        return Files.isRegularFile(target.resolve(SnapshotManifest.FILE_NAME));
    }

    /** The committed snapshot's directory. */
    Path target() {
        return target;
    }

    /** Moves the new snapshot into place. */
    void commit() {
        swap.commit();
    }

    @Override
    public void close() {
        swap.close();
    }
}
