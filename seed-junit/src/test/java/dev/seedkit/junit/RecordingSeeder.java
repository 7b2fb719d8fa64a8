package dev.seedkit.junit;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/** A {@link TemplateSeeder} for tests: states a given identity, reports given row counts, records every request. */
final class RecordingSeeder implements TemplateSeeder {

    final List<SeedRequest> identified = new CopyOnWriteArrayList<>();
    final List<SeedRequest> seeded = new CopyOnWriteArrayList<>();
    private final SnapshotIdentity identity;
    private final Map<String, Long> rowCounts;

    RecordingSeeder(String version, String checksum, Map<String, Long> rowCounts) {
        this.identity = new SnapshotIdentity(version, checksum);
        this.rowCounts = rowCounts;
    }

    RecordingSeeder() {
        this(null, null, Map.of());
    }

    @Override
    public SnapshotIdentity identify(SeedRequest request) {
        identified.add(request);
        return identity;
    }

    @Override
    public SeedOutcome seed(DataSource template, SeedRequest request) {
        seeded.add(request);
        return new SeedOutcome(rowCounts);
    }

    void clear() {
        identified.clear();
        seeded.clear();
    }
}
