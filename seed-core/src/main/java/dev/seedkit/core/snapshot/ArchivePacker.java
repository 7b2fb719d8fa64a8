package dev.seedkit.core.snapshot;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Writes a snapshot's files into a {@code .tar.gz} or {@code .zip} stream, for {@link SnapshotArchive#write}: flat
 * entries in the order given, each stamped with the manifest's creation time, as plain files (mode 644, owner 0,
 * no user names), so the same snapshot packs to the same bytes. Kept apart from {@link SnapshotArchive} so that
 * commons-compress, an optional dependency, is loaded only when an archive is written.
 */
final class ArchivePacker {

    private ArchivePacker() {
    }

    static void pack(String format, Path directory, List<String> files, SnapshotManifest manifest,
            OutputStream out) throws IOException {
        if (format.equals("zip")) {
            try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
                for (String file : files) {
                    ZipArchiveEntry entry = new ZipArchiveEntry(file);
                    entry.setTime(manifest.createdAt().toEpochMilli());
                    add(zip, entry, directory.resolve(file));
                }
            }
            return;
        }
        try (GZIPOutputStream gzip = new GZIPOutputStream(out);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (String file : files) {
                TarArchiveEntry entry = new TarArchiveEntry(file);
                entry.setSize(Files.size(directory.resolve(file)));
                entry.setModTime(manifest.createdAt().toEpochMilli());
                entry.setMode(0100644);
                entry.setIds(0, 0);
                entry.setNames("", "");
                add(tar, entry, directory.resolve(file));
            }
        }
    }

    private static <E extends ArchiveEntry> void add(ArchiveOutputStream<E> archive, E entry, Path file)
            throws IOException {
        archive.putArchiveEntry(entry);
        Files.copy(file, archive);
        archive.closeArchiveEntry();
    }

}
