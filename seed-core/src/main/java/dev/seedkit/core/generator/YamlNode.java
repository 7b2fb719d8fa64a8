package dev.seedkit.core.generator;

import dev.seedkit.core.SeedException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One node of a generator configuration file as written: a map, a list or a scalar, each with the line it starts
 * on and the path of keys that leads to it ({@code tables.public.users.rows}), so that every error can name the
 * file, the line and the key. Scalars keep their YAML kind (string, number, boolean, null) and their text.
 */
final class YamlNode {

    /** What kind of node this is. */
    enum Kind { MAP, LIST, STRING, NUMBER, BOOLEAN, NULL }

    private final String source;
    private final Kind kind;
    private final String text;
    private final int line;
    private final String path;
    private final Map<String, YamlNode> entries;
    private final List<YamlNode> items;

    private YamlNode(String source, Kind kind, String text, int line, String path, Map<String, YamlNode> entries,
            List<YamlNode> items) {
        this.source = source;
        this.kind = kind;
        this.text = text;
        this.line = line;
        this.path = path;
        this.entries = entries;
        this.items = items;
    }

    static YamlNode scalar(String source, Kind kind, String text, int line, String path) {
        return new YamlNode(source, kind, text, line, path, Map.of(), List.of());
    }

    static YamlNode map(String source, Map<String, YamlNode> entries, int line, String path) {
        return new YamlNode(source, Kind.MAP, null, line, path,
                Collections.unmodifiableMap(new LinkedHashMap<>(entries)), List.of());
    }

    static YamlNode list(String source, List<YamlNode> items, int line, String path) {
        return new YamlNode(source, Kind.LIST, null, line, path, Map.of(), Collections.unmodifiableList(
                new ArrayList<>(items)));
    }

    /** A node made in code (a setting from the Java builder or the command line), for uniform handling. */
    static YamlNode given(String what, String text) {
        return new YamlNode(what, Kind.STRING, text, 0, what, Map.of(), List.of());
    }

    /** The file (or resource) the node was read from, for messages. */
    String source() {
        return source;
    }

    /**
     * A {@link SeedException.Code#CONFIGURATION} error about this node: {@code Generator config FILE, line N, key
     * PATH: message}.
     */
    SeedException error(String message) {
        return new SeedException(SeedException.Code.CONFIGURATION, where() + ": " + message);
    }

    /** {@code Generator config FILE, line N, key PATH}. */
    String where() {
        if (line == 0) {
            return source;
        }
        return "Generator config " + source + ", line " + line + (path.isEmpty() ? "" : ", key " + path);
    }

    Kind kind() {
        return kind;
    }

    boolean isMap() {
        return kind == Kind.MAP;
    }

    boolean isList() {
        return kind == Kind.LIST;
    }

    boolean isScalar() {
        return kind != Kind.MAP && kind != Kind.LIST;
    }

    boolean isNull() {
        return kind == Kind.NULL;
    }

    /** The scalar's text as written (without quotes); null for a null scalar, a map or a list. */
    String text() {
        return text;
    }

    /** 1-based line the node starts on. */
    int line() {
        return line;
    }

    /** The keys leading to this node, dot-separated, list items as {@code [i]}: {@code tables.public.users.rows}. */
    String path() {
        return path;
    }

    /** A map's entries in file order. */
    Map<String, YamlNode> entries() {
        return entries;
    }

    /** A map's entry, or null. */
    YamlNode get(String key) {
        return entries.get(key);
    }

    /** A list's items. */
    List<YamlNode> items() {
        return items;
    }

    /** For messages: {@code a map}, {@code a list}, {@code 'text'}. */
    String describe() {
        return switch (kind) {
            case MAP -> "a map";
            case LIST -> "a list";
            case NULL -> "null";
            default -> "'" + text + "'";
        };
    }

    /** The list items, or this node alone when it is not a list. */
    List<YamlNode> itemsOrSelf() {
        if (isList()) {
            return items;
        }
        List<YamlNode> one = new ArrayList<>();
        one.add(this);
        return one;
    }

    @Override
    public String toString() {
        return path + " (line " + line + "): " + describe();
    }
}
