package dev.seedkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Linux arm64 (Graviton, Ampere, Raspberry Pi 4/5) archive run for real on an x86-64 machine: initdb, the
 * server and its child processes are aarch64 programs, which the kernel hands to qemu-user through binfmt_misc.
 * Opt-in ({@code SEEDKIT_QEMU_ARM64=true}): {@code .ci/arm64.sh} installs qemu and an aarch64 C library, registers
 * the emulator and runs this class.
 */
@EnabledIfEnvironmentVariable(named = "SEEDKIT_QEMU_ARM64", matches = "true")
class LinuxArm64EmulatedTests {

    @TempDir
    Path cache;

    @Test
    void theArm64ServerStartsUnderEmulationAndAnswersQueries() throws Exception {
        PostgresPlatform arm64 = PostgresPlatform.of("Linux", "aarch64", false);
        try (PostgresServer server = EmbeddedPostgres.builder().platform(arm64).cacheDirectory(cache)
                .startupTimeout(Duration.ofMinutes(5)).start()) {
            try (Connection c = server.connect("postgres"); Statement s = c.createStatement()) {
                s.execute("create table readings(id int primary key, value numeric)");
                s.execute("insert into readings select i, i * 1.5 from generate_series(1, 1000) i");
                try (ResultSet rs = s.executeQuery("select version(), count(*), sum(value) from readings")) {
                    rs.next();
                    assertThat(rs.getString(1)).startsWith("PostgreSQL 18.").contains("aarch64");
                    assertThat(rs.getLong(2)).isEqualTo(1000);
                    assertThat(rs.getBigDecimal(3)).isEqualByComparingTo("750750");
                }
            }
        }
    }
}
