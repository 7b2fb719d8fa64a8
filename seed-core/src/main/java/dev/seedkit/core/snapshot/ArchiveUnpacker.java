package dev.seedkit.core.snapshot;

import dev.seedkit.core.internal.SnapshotErrors;
import dev.seedkit.core.SeedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Unpacks a single-file snapshot into a new directory, refusing anything a snapshot does not hold before a byte
 * of it is written: an entry outside the snapshot (an absolute path, {@code ..}, a backslash, a folder inside it),
 * a link or device, a name twice, more entries or more bytes than {@link Limits} allow (counted as they are
 * unpacked, not as the archive claims). Files sit at the archive's root or in one top folder. Every refusal names
 * the archive and the entry. Uses commons-compress, which {@link SnapshotArchive} checks for first.
 */
final class ArchiveUnpacker {

    /** How much an archive may unpack to: entries and bytes in all. */
    record Limits(long maxEntries, long maxBytes) {

        static final String MAX_ENTRIES_PROPERTY = "seedkit.snapshot.archive.maxEntries";
        static final String MAX_BYTES_PROPERTY = "seedkit.snapshot.archive.maxBytes";

        /** 10,000 entries and 2 GiB, or what the system properties say. */
        static Limits configured() {
            return new Limits(Long.getLong(MAX_ENTRIES_PROPERTY, 10_000), Long.getLong(MAX_BYTES_PROPERTY,
                    2L * 1024 * 1024 * 1024));
        }
    }

    private final String archive;
    private final Path target;
    private final Limits limits;
    private final Set<String> names = new HashSet<>();
    private String topFolder;
    private long entries;
    private long bytes;

    private ArchiveUnpacker(String archive, Path target, Limits limits) {
        this.archive = archive;
        this.target = target;
        this.limits = limits;
    }

    /** Unpacks the {@code .tar.gz} read from {@code in} into {@code target}; returns the snapshot's directory. */
    static Path unpackTarGz(InputStream in, String archive, Path target, Limits limits) throws IOException {
        ArchiveUnpacker unpacker = new ArchiveUnpacker(archive, target, limits);
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(in))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                unpacker.entry(entry.getName(), tarKind(entry), tar);
            }
        }
        return unpacker.snapshotDirectory();
    }

    /** Unpacks the {@code .zip} file {@code zipFile} into {@code target}; returns the snapshot's directory. */
    static Path unpackZip(Path zipFile, String archive, Path target, Limits limits) throws IOException {
        ArchiveUnpacker unpacker = new ArchiveUnpacker(archive, target, limits);
        try (ZipFile zip = ZipFile.builder().setPath(zipFile).get()) {
            Enumeration<ZipArchiveEntry> all = zip.getEntriesInPhysicalOrder();
            while (all.hasMoreElements()) {
                ZipArchiveEntry entry = all.nextElement();
                String kind = entry.isUnixSymlink() ? "a symbolic link" : entry.isDirectory() ? null : "";
                if (kind == null) {
                    unpacker.entry(entry.getName(), null, InputStream.nullInputStream());
                } else if (!kind.isEmpty()) {
                    unpacker.entry(entry.getName(), kind, InputStream.nullInputStream());
                } else {
                    try (InputStream data = zip.getInputStream(entry)) {
                        unpacker.entry(entry.getName(), "", data);
                    }
                }
            }
        }
        return unpacker.snapshotDirectory();
    }

    /**
     * What a tar entry is: "" for a regular file, null for a folder, otherwise what it is, to refuse it. Only the
     * plain file and folder types are taken; commons-compress reads long names and PAX headers itself.
     */
    private static String tarKind(TarArchiveEntry entry) {
        byte flag = entry.getLinkFlag();
        if (flag == TarConstants.LF_NORMAL || flag == TarConstants.LF_OLDNORM) {
            return entry.isSparse() ? "a sparse file" : "";
        }
        if (flag == TarConstants.LF_DIR) {
            return null;
        }
        if (entry.isSymbolicLink()) {
            return "a symbolic link (to " + entry.getLinkName() + ")";
        }
        if (entry.isLink()) {
            return "a hard link (to " + entry.getLinkName() + ")";
        }
        return entry.isCharacterDevice() || entry.isBlockDevice() ? "a device"
                : entry.isFIFO() ? "a named pipe" : "an entry of tar type '" + (char) flag + "'";
    }

    /** One entry: {@code kind} is "" for a file, null for a folder, else what it is (refused). */
    private void entry(String rawName, String kind, InputStream data) throws IOException {
        if (++entries > limits.maxEntries()) {
            throw refused(rawName, "is entry number " + entries + ", more than the " + limits.maxEntries()
                    + " a snapshot archive may hold (system property " + Limits.MAX_ENTRIES_PROPERTY + ")");
        }
        String name = plainName(rawName);
        if (kind != null && !kind.isEmpty()) {
            throw refused(rawName, "is " + kind + ", and a snapshot archive holds plain files only");
        }
        String file = place(rawName, name, kind == null);
        if (file == null) {
            return;
        }
        if (!names.add(file)) {
            throw refused(rawName, "is in the archive twice; each file of a snapshot is there once");
        }
        copy(rawName, data, target.resolve(file));
    }

    /** The entry's name with a leading {@code ./} dropped; refuses names that could leave the target. */
    private String plainName(String rawName) {
        String name = rawName;
        while (name.startsWith("./")) {
            name = name.substring(2);
        }
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.indexOf('\0') >= 0
                || name.matches("^[A-Za-z]:.*")) {
            throw refused(rawName, "is not a plain relative path (absolute, a drive, a backslash or empty)");
        }
        for (String part : name.split("/")) {
            if (part.equals("..") || part.equals(".")) {
                throw refused(rawName, "has a '" + part + "' part, which would lead outside the snapshot");
            }
        }
        return name;
    }

    /**
     * Where an entry goes: its file name at the snapshot's root, or null for the top folder itself. Files sit at
     * the root or all in one top folder; anything deeper is refused.
     */
    private String place(String rawName, String name, boolean folder) {
        String trimmed = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        String[] parts = trimmed.split("/");
        String folderOfEntry = folder ? parts[0] : parts.length == 2 ? parts[0] : parts.length == 1 ? "" : null;
        boolean fits = folderOfEntry != null && (!folder || parts.length == 1)
                && (topFolder == null || topFolder.equals(folderOfEntry));
        if (!fits) {
            throw refused(rawName, (folder ? "is a folder inside the snapshot" : "is not where the archive's other "
                    + "files are") + "; a snapshot archive holds its files at its root or all in one top folder"
                    + (topFolder == null || topFolder.isEmpty() ? "" : " (here '" + topFolder + "/')"));
        }
        topFolder = folderOfEntry;
        return folder ? null : parts[parts.length - 1];
    }

    private void copy(String rawName, InputStream data, Path file) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int n = data.read(buffer); n >= 0; n = data.read(buffer)) {
                bytes += n;
                if (bytes > limits.maxBytes()) {
                    throw refused(rawName, "takes the archive past " + limits.maxBytes() + " bytes unpacked, the "
                            + "most a snapshot archive may unpack to (system property " + Limits.MAX_BYTES_PROPERTY
                            + ")");
                }
                out.write(buffer, 0, n);
            }
        }
    }

    /** Where the snapshot's files are; refuses an archive without a manifest. */
    private Path snapshotDirectory() {
        if (!names.contains(SnapshotManifest.FILE_NAME)) {
            throw new SeedException(SeedException.Code.SNAPSHOT_NOT_FOUND, "No snapshot in " + archive + ": it has "
                    + "no " + SnapshotManifest.FILE_NAME + (topFolder == null || topFolder.isEmpty() ? " at its root"
                    : " in its top folder '" + topFolder + "/'") + ". A snapshot archive holds manifest.json and one "
                    + ".tsv file per table; make it with seedkit export --archive, or fix the path.");
        }
        return target;
    }

    private SeedException refused(String entry, String why) {
        return SnapshotErrors.format("Snapshot archive " + archive + " refused: entry '" + entry.replace("\0", "\\0")
                + "' " + why + ".");
    }
}
