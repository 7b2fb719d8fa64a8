package dev.seedkit.junit;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.importer.ImportReport;
import dev.seedkit.core.importer.SnapshotImporter;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.core.snapshot.SnapshotLocation;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Imports snapshots into template databases with seed-core's {@link SnapshotImporter}: the snapshot's fixture
 * version and checksum identify it (for pins and template names), and its rows go into the freshly initialised
 * template in one transaction. Stateless, hence one {@link #INSTANCE}.
 */
final class SnapshotSeeder implements TemplateSeeder {

    /** The one instance: it is stateless, and one instance lets every test class share the run's reads. */
    static final SnapshotSeeder INSTANCE = new SnapshotSeeder();

    private SnapshotSeeder() {
    }

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
            SnapshotImporter.Builder importer = SnapshotImporter.builder().mode(request.mode())
                    .tables(request.tables());
            naturalKeys(request, snapshot).forEach((table, columns) -> importer.naturalKey(table, columns));
            ImportReport report = importer.build().importInto(template, snapshot);
            Map<String, Long> rows = new LinkedHashMap<>();
            report.tables().forEach(t -> rows.put(t.table(), t.inserted() + t.skipped()));
            return new SeedOutcome(rows);
        }
    }

    /**
     * The natural keys of {@link SeedkitExtension#NATURAL_KEYS_PROPERTY} ({@code TABLE=COLUMNS;...}) for the tables
     * this snapshot has ({@code schema.table} or a bare name); the setting is run-wide, so others are left out.
     */
    static Map<String, String[]> naturalKeys(SeedRequest request, Snapshot snapshot) {
        Map<String, String[]> keys = new LinkedHashMap<>();
        for (String entry : request.naturalKeys().split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.indexOf('=');
            if (equals <= 0) {
                throw new SeedException(SeedException.Code.CONFIGURATION, "Configuration parameter "
                        + SeedkitExtension.NATURAL_KEYS_PROPERTY + " holds '" + entry.trim() + "', which is not "
                        + "TABLE=COLUMNS; write e.g. public.order_status=code; public.tags=team_id,label.");
            }
            String table = entry.substring(0, equals).trim();
            boolean inSnapshot = snapshot.manifest().tables().stream()
                    .anyMatch(t -> table.equals(t.schema() + "." + t.name()) || table.equals(t.name()));
            if (inSnapshot) {
                keys.put(table, Arrays.stream(entry.substring(equals + 1).split(",")).map(String::trim)
                        .filter(c -> !c.isEmpty()).toArray(String[]::new));
            }
        }
        return keys;
    }

    private static Snapshot open(SeedRequest request) {
        return SnapshotLocation.of(request.location()).open();
    }
}
