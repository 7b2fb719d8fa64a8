package dev.seedkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainJobTests {

    @Test
    void runsTheWholeWorkflowAndPrintsThePlanTheReportAndTheVerification(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        new MainJob(new PrintStream(buffer, true, StandardCharsets.UTF_8)).run(DemoDatabase.ofScale(50), 20, dir);
        String output = buffer.toString(StandardCharsets.UTF_8);

        assertThat(output).contains("Built the demo database", "22 tables",
                "Exported up to 20 rows per table into " + dir,
                "Load plan: 22 tables", "NULL_THEN_UPDATE (cycle 1)",
                "Imported the snapshot", "public.users", "total",
                "Verified the test database", "row counts match the manifest for 22 tables; no orphaned reference",
                "Done in");
        assertThat(dir.resolve("manifest.json")).exists();
        assertThat(dir.resolve("public.users.tsv")).exists();
    }
}
