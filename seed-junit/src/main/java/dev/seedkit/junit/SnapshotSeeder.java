package dev.seedkit.junit;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.importer.ImportReport;
import dev.seedkit.core.importer.SnapshotImporter;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.core.snapshot.SnapshotLocation;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Imports snapshots into template databases with seed-core's {@link SnapshotImporter}: the snapshot's fixture
 * version and checksum identify it (for pins and template names), and its rows go into the freshly initialised
 * template in one transaction.
 */
final class SnapshotSeeder implements TemplateSeeder {

    @Override
    public SnapshotIdentity identify(SeedRequest request) {
        try (Snapshot snapshot = open(request)) {
            return new SnapshotIdentity(snapshot.manifest().fixtureVersion(), snapshot.checksum());
        } catch (SeedException e) {
            if (e.code() != SeedException.Code.SNAPSHOT_NOT_FOUND) {
                throw e;
            }
            throw new SeedException(e.code(), "Snapshot not found for " + request.origin() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public SeedOutcome seed(DataSource template, SeedRequest request) {
        try (Snapshot snapshot = open(request)) {
            ImportReport report = SnapshotImporter.builder().mode(request.mode()).tables(request.tables())
                    .build().importInto(template, snapshot);
            Map<String, Long> rows = new LinkedHashMap<>();
            report.tables().forEach(t -> rows.put(t.table(), t.inserted() + t.skipped()));
            return new SeedOutcome(rows);
        }
    }

    private static Snapshot open(SeedRequest request) {
        return SnapshotLocation.of(request.location()).open();
    }
}
