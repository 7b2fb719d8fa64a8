package dev.seedkit.core.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one ImportMode: DEFAULT, which annotations need, means the importer's default. */
class ImportModeTests {

    @Test
    void theImporterTakesDefaultAsInsertMissing() {
        assertThat(SnapshotImporter.builder().mode(ImportMode.DEFAULT).build().mode())
                .isEqualTo(ImportMode.INSERT_MISSING);
        assertThat(SnapshotImporter.builder().build().mode()).isEqualTo(ImportMode.INSERT_MISSING);
        assertThat(SnapshotImporter.builder().mode(ImportMode.UPSERT).build().mode()).isEqualTo(ImportMode.UPSERT);
    }
}
