package dev.seedkit.junit;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.internal.Location;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What preparing a {@link TemplateRecipe} reads from files, read once per run: each snapshot's identity (which
 * opens the snapshot, parses its manifest and hashes its files) and each init script's text. One instance per
 * seeder lives in the root store, so the hundredth test class of a suite reuses what the first one read. Only
 * successful reads are kept: a snapshot that is missing is looked for again, and reported with the asking class's
 * origin. Pins are checked per class against the kept identity ({@link TemplateRecipe#prepare}).
 */
final class RecipeReads {

    private static final Logger log = LoggerFactory.getLogger(RecipeReads.class);

    private final TemplateSeeder seeder;
    private final Map<String, SnapshotIdentity> identities = new ConcurrentHashMap<>();
    private final Map<String, String> scripts = new ConcurrentHashMap<>();

    RecipeReads(TemplateSeeder seeder) {
        this.seeder = seeder;
    }

    TemplateSeeder seeder() {
        return seeder;
    }

    /** The identity of the snapshot at {@code request.location()}, read on the first request for it. */
    SnapshotIdentity identity(SeedRequest request) {
        return identities.computeIfAbsent(request.location(), location -> identify(request));
    }

    /** The text of the init script at {@code location}, read on the first request for it. */
    String script(String location, String origin) {
        return scripts.computeIfAbsent(location, key -> Location.parse(key)
                .readText(Location.defaultLoader(), "Init script", origin));
    }

    private SnapshotIdentity identify(SeedRequest request) {
        long started = System.nanoTime();
        try {
            SnapshotIdentity identity = seeder.identify(request);
            log.debug("Read snapshot {} (version {}) in {} ms", request.location(), identity.version(),
                    (System.nanoTime() - started) / 1_000_000);
            return identity;
        } catch (SeedException e) {
            throw e;
        } catch (Exception e) {
            throw new SeedException(SeedException.Code.SNAPSHOT_FORMAT, "Could not read snapshot "
                    + request.location() + " (" + request.origin() + "): " + e.getMessage(), e);
        }
    }
}
