package dev.seedkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HelpTests {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"export", "refresh", "import", "verify", "plan", "diff", "adopt"})
    void everyCommandHasHelpWithExamplesAndExitCodes(String command) {
        Cli.Result result = new Cli(dir).run(command, "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Usage: seedkit " + command, "Exit codes:", "  0   success",
                "  2   usage or configuration error", "Examples:", "  seedkit " + command);
        assertThat(result.out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
    }

    @Test
    void theRootHelpListsCommandsExitCodesSettingsAndExamples() {
        Cli.Result result = new Cli(dir).run("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("  export    Export a subset of a database as a snapshot.",
                "  refresh   Export, import, verify, then replace a snapshot.",
                "  import    Import a snapshot into a database.",
                "  verify    Check a snapshot's checksums, and a database for drift and data.",
                "  generate  Fill a database with synthetic data from a generator config.",
                "  8   dry run: the import would change rows",
                "  3   snapshot not found, malformed or corrupt (checksum mismatch)",
                "  4   schema drift: the database no longer matches the snapshot",
                "  7   unloadable foreign-key cycle", "Settings:", "$SEEDKIT_PASSWORD", "Examples:");
        assertThat(result.out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
    }

    @Test
    void helpCommandShowsACommandsHelp() {
        Cli.Result result = new Cli(dir).run("help", "verify");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Usage: seedkit verify", "--expect-version=VERSION");
    }

    @Test
    void withoutACommandPrintsUsageAndFailsAsAUsageError() {
        Cli.Result result = new Cli(dir).run();

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("Usage: seedkit [-hV] [COMMAND]");
    }

    @Test
    void anUnknownOptionIsOneLineAndAPointerToHelp() {
        Cli.Result result = new Cli(dir).runAsMain("import", "--snapshto", "x");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("error: Unknown options: '--snapshto', 'x'\n")
                .endsWith("Try 'seedkit import --help' for more information.\n")
                .doesNotContain("Usage:");
    }

    @Test
    void optionErrorsAreUsageErrorsWithAPlainCommandLineToo() {
        Cli.Result result = new Cli(dir).run("diff");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("Missing required parameter: 'BEFORE'");
    }

    @Test
    void printsTheVersion() {
        Cli.Result result = new Cli(dir).run("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("seedkit ");
    }
}
