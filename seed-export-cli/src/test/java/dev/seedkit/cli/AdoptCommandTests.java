package dev.seedkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code seedkit adopt} pins a fixture folder so that {@code seedkit verify} passes it, and fails it once edited. */
class AdoptCommandTests {

    @TempDir
    Path dir;

    @Test
    void anAdoptedFolderPassesVerifyAndFailsItOnceAFileChanges() throws Exception {
        Path fixtures = Files.createDirectories(dir.resolve("orders"));
        Files.writeString(fixtures.resolve("customers.csv"), "id,name\n1,Ada\n2,Grace\n");
        Files.writeString(fixtures.resolve("shop.yml"), "shop.orders:\n  - {id: 10, customer_id: 1}\n");

        Cli.Result adopted = new Cli(dir).run("adopt", "orders", "--fixture-version", "orders-1");
        assertThat(adopted.exitCode()).as(adopted.toString()).isZero();
        assertThat(adopted.out()).contains("pinned  public.customers (2 rows)", "pinned  shop.orders (1 rows)",
                "Adopted 2 tables (3 rows) in " + fixtures + " as orders-1: wrote "
                        + fixtures.resolve("manifest.json"));

        Cli.Result verified = new Cli(dir).run("verify", "--snapshot", "orders", "--expect-version", "orders-1");
        assertThat(verified.exitCode()).as(verified.toString()).isZero();
        assertThat(verified.out()).contains("Snapshot orders-1 at", "ok      checksums and format: 2 files, 3 rows",
                "ok      fixture version orders-1");

        Files.writeString(fixtures.resolve("customers.csv"), "id,name\n1,Ada\n2,Grace Hopper\n");
        Cli.Result edited = new Cli(dir).run("verify", "--snapshot", "orders");
        assertThat(edited.exitCode()).isEqualTo(ExitCodes.SNAPSHOT);
        assertThat(edited.err()).contains("customers.csv (table public.customers) changed since seedkit adopt "
                + "pinned it in manifest.json", "run seedkit adopt again to pin it.");
    }

    @Test
    void aFolderWithoutFixturesIsAnErrorNamingIt() throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        Cli.Result result = new Cli(dir).run("adopt", "empty");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.SNAPSHOT);
        assertThat(result.err()).contains("No fixture files in " + dir.resolve("empty") + ": adopt pins .csv, .tsv, "
                + ".yml and .yaml files");
    }
}
