package dev.seedkit.cli;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seedkit.core.importer.SnapshotVerifier.VerifyReport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The core's messages name the command line's options where the command line shows them. */
class OptionNamesTests {

    private static final VerifyReport FAILED = new VerifyReport(Map.of(), List.of("table shop.orders has 1 rows, "
            + "fewer than the snapshot's 2"), List.of());

    @Test
    void aFailedVerificationAfterAnImportNamesTheCommandLinesOptions() {
        assertThatThrownBy(() -> FAILED.requireOk(OptionNames::of)).hasMessageEndingWith("Import the snapshot again "
                + "(with --force, or --mode replace), or re-export it if the snapshot itself is inconsistent.");
    }

    @Test
    void javaCallersReadTheBuildersMethods() {
        assertThatThrownBy(FAILED::requireOk).hasMessageEndingWith("Import the snapshot again (with force(true), or "
                + "mode(ImportMode.REPLACE)), or re-export it if the snapshot itself is inconsistent.");
    }
}
