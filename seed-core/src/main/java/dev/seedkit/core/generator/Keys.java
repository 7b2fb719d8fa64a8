package dev.seedkit.core.generator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Checks the keys of a configuration map: unknown keys are errors naming the file, line, key and the known keys. */
final class Keys {

    private Keys() {
    }

    /** Refuses any key of {@code map} not in {@code known}; {@code map} must be a map. */
    static void check(YamlNode map, Collection<String> known) {
        requireMap(map);
        for (var entry : map.entries().entrySet()) {
            if (!known.contains(entry.getKey())) {
                throw at(entry.getValue(), "unknown key '" + entry.getKey() + "'; known keys here: "
                        + String.join(", ", known));
            }
        }
    }

    static YamlNode requireMap(YamlNode node) {
        if (!node.isMap()) {
            throw node.error("expected a map (key: value lines), found " + node.describe());
        }
        return node;
    }

    static YamlNode required(YamlNode map, String key) {
        YamlNode value = map.get(key);
        if (value == null) {
            throw map.error("missing key '" + key + "'");
        }
        return value;
    }

    /** The error for an entry, reported at its own line and key. */
    static RuntimeException at(YamlNode node, String message) {
        return node.error(message);
    }

    /** The keys of {@code map} that are among {@code candidates}, in file order. */
    static List<String> present(YamlNode map, Collection<String> candidates) {
        List<String> found = new ArrayList<>();
        for (String key : map.entries().keySet()) {
            if (candidates.contains(key)) {
                found.add(key);
            }
        }
        return found;
    }
}
