package dev.seedkit.junit;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.importer.ImportReport;
import dev.seedkit.core.importer.SnapshotImporter;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.core.snapshot.SnapshotLocation;
import dev.seedkit.core.internal.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
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

    /**
     * The version and checksum of the snapshot; of several sources, their versions joined with {@code +} and the
     * SHA-256 of their checksums, so that an edit to any of them makes another template.
     */
    @Override
    public SnapshotIdentity identify(SeedRequest request) {
        List<String> locations = locations(request);
        List<SnapshotIdentity> identities = locations.stream().map(location -> identify(location, request)).toList();
        if (identities.size() == 1) {
            return identities.get(0);
        }
        MessageDigest digest = Sha256.newDigest();
        identities.forEach(i -> digest.update((i.checksum() + "\n").getBytes(StandardCharsets.UTF_8)));
        return new SnapshotIdentity(String.join("+", identities.stream().map(SnapshotIdentity::version).toList()),
                Sha256.hex(digest.digest()));
    }

    private static SnapshotIdentity identify(String location, SeedRequest request) {
        try (Snapshot snapshot = SnapshotLocation.of(location).open()) {
            return new SnapshotIdentity(snapshot.manifest().fixtureVersion(), snapshot.checksum());
        } catch (SeedException e) {
            if (e.code() != SeedException.Code.SNAPSHOT_NOT_FOUND) {
                throw e;
            }
            throw new SeedException(e.code(), "Snapshot not found for " + request.origin() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Imports each source in order, each in its own transaction: the first with the request's tables, later ones (a
     * snapshot's extra fixture files) whole.
     */
    @Override
    public SeedOutcome seed(DataSource template, SeedRequest request) {
        Map<String, Long> rows = new LinkedHashMap<>();
        List<String> locations = locations(request);
        for (int i = 0; i < locations.size(); i++) {
            try (Snapshot snapshot = SnapshotLocation.of(locations.get(i)).open()) {
                SnapshotImporter.Builder importer = SnapshotImporter.builder().mode(request.mode())
                        .tables(i == 0 ? request.tables() : List.of());
                naturalKeys(request, snapshot).forEach((table, columns) -> importer.naturalKey(table, columns));
                ImportReport report = importer.build().importInto(template, snapshot);
                report.tables().forEach(t -> rows.merge(t.table(), t.inserted() + t.skipped(), Long::sum));
            }
        }
        return new SeedOutcome(rows);
    }

    /** The request's sources: one location, or several separated by commas ({@link SeedFromFixtures#value()}). */
    static List<String> locations(SeedRequest request) {
        return Arrays.stream(request.location().split(",")).map(String::trim).filter(l -> !l.isEmpty()).toList();
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

}
