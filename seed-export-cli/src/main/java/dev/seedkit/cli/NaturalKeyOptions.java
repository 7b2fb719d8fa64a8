package dev.seedkit.cli;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.core.snapshot.SnapshotLocation;
import dev.seedkit.core.snapshot.SnapshotManifest;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --natural-key TABLE=COLUMNS}: the columns that identify a table's rows across databases whose ids differ.
 * {@code export} and {@code refresh} record them in the manifest; {@code import} matches rows by them (overriding
 * the manifest; {@code TABLE=} with no columns switches the manifest's off). In the settings file:
 * {@code natural-key=public.users=email;public.tags=team_id,label}.
 */
final class NaturalKeyOptions {

    @Option(names = "--natural-key", paramLabel = "TABLE=COLUMNS", description = "The columns that identify a row "
            + "of TABLE in every database, e.g. public.users=email or public.tags=team_id,label: rows are matched "
            + "by them instead of by id, and references rewritten to the matched rows. Repeatable.")
    List<String> naturalKeys;

    /** Table (as written) to columns, from the flags or the settings file; empty when none is declared. */
    Map<String, List<String>> resolve(Settings settings) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        for (String declaration : settings.list("natural-key", naturalKeys, ";")) {
            int equals = declaration.indexOf('=');
            if (equals <= 0) {
                throw new SeedException(SeedException.Code.CONFIGURATION, "--natural-key '" + declaration + "' is "
                        + "not TABLE=COLUMNS; write e.g. --natural-key public.users=email, or "
                        + "public.tags=team_id,label for a key of two columns.");
            }
            keys.put(declaration.substring(0, equals).trim(), Arrays.stream(declaration.substring(equals + 1)
                    .split(",")).map(String::trim).filter(c -> !c.isEmpty()).toList());
        }
        return keys;
    }

    /** Records the declared natural keys in the manifest of the snapshot in {@code directory}. */
    static void record(Map<String, List<String>> keys, Path directory, String location) {
        if (keys.isEmpty()) {
            return;
        }
        SnapshotManifest manifest;
        try (Snapshot snapshot = SnapshotLocation.directory(directory).open()) {
            manifest = snapshot.manifest();
        }
        for (Map.Entry<String, List<String>> key : keys.entrySet()) {
            try {
                manifest = manifest.withNaturalKey(key.getKey(), key.getValue());
            } catch (SeedException e) {
                throw new SeedException(e.code(), "--natural-key " + key.getKey() + "=" + String.join(",",
                        key.getValue()) + " cannot be recorded in " + location + ": " + e.getMessage(), e);
            }
        }
        manifest.write(directory);
    }
}
