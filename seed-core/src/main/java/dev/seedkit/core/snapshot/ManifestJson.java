package dev.seedkit.core.snapshot;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seedkit.core.SeedException;
import dev.seedkit.core.internal.SnapshotErrors;
import dev.seedkit.core.snapshot.SnapshotManifest.Column;
import dev.seedkit.core.snapshot.SnapshotManifest.LoadStep;
import dev.seedkit.core.snapshot.SnapshotManifest.PulledIn;
import dev.seedkit.core.snapshot.SnapshotManifest.Selection;
import dev.seedkit.core.snapshot.SnapshotManifest.Table;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The JSON form of {@link SnapshotManifest}, built and read as a Jackson tree so that the key order is fixed by
 * this code and every problem is reported with its JSON path (e.g. {@code tables[2].rowCount}).
 */
final class ManifestJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withArrayEmptySeparator("")
                    .withObjectEmptySeparator(""));

    private ManifestJson() {
    }

    static String write(SnapshotManifest manifest) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("formatVersion", SnapshotManifest.FORMAT_VERSION);
        root.put("fixtureVersion", manifest.fixtureVersion());
        root.put("createdAt", manifest.createdAt().toString());
        root.put("source", manifest.source());
        root.put("schemaFingerprint", manifest.schemaFingerprint());
        manifest.migrationVersion().ifPresent(m -> root.putObject("migration").put("tool", m.tool())
                .put("version", m.version()));
        ArrayNode plan = root.putArray("loadPlan");
        manifest.loadPlan().forEach(step -> plan.addObject().put("schema", step.schema())
                .put("table", step.table()).put("phase", step.phase()));
        ArrayNode tables = root.putArray("tables");
        manifest.tables().forEach(table -> writeTable(tables.addObject(), table));
        try {
            return MAPPER.writer(PRINTER).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serializes", e);
        }
    }

    private static void writeTable(ObjectNode node, Table table) {
        node.put("schema", table.schema()).put("name", table.name()).put("file", table.file());
        ArrayNode columns = node.putArray("columns");
        table.columns().forEach(c -> columns.addObject().put("name", c.name()).put("type", c.type()));
        ArrayNode keys = node.putArray("keyColumns");
        table.keyColumns().forEach(keys::add);
        if (!table.naturalKey().isEmpty()) {
            ArrayNode natural = node.putArray("naturalKey");
            table.naturalKey().forEach(natural::add);
        }
        node.put("rowCount", table.rowCount()).put("sha256", table.sha256());
        table.recordedSelection().ifPresent(selection -> {
            ObjectNode written = node.putObject("selection").put("byLimit", selection.byLimit());
            ArrayNode pulledIn = written.putArray("pulledIn");
            selection.pulledIn().forEach(p -> pulledIn.addObject().put("foreignKey", p.foreignKey())
                    .put("from", p.child()).put("rows", p.rows()));
        });
    }

    static SnapshotManifest read(InputStream in, String where) {
        JsonNode root = parse(in, where);
        Fields fields = new Fields(where);
        requireSupportedVersion(root, fields);
        try {
            return new SnapshotManifest(fields.text(root, "fixtureVersion", ""),
                    fields.instant(root, "createdAt"), fields.text(root, "source", ""),
                    fields.text(root, "schemaFingerprint", ""),
                    fields.list(root, "loadPlan", "", ManifestJson::readStep),
                    fields.list(root, "tables", "", ManifestJson::readTable),
                    root.has("migration") ? new MigrationVersion(fields.text(root.get("migration"), "tool",
                            "migration"), fields.text(root.get("migration"), "version", "migration")) : null);
        } catch (SeedException e) {
            if (e.getMessage().startsWith(where)) {
                throw e;
            }
            throw new SeedException(SeedException.Code.SNAPSHOT_FORMAT, where + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode parse(InputStream in, String where) {
        try {
            JsonNode root = MAPPER.readTree(in);
            if (root == null || root.isMissingNode()) {
                throw SnapshotErrors.format(where + ": the file is empty; expected a JSON object.");
            }
            if (!root.isObject()) {
                throw SnapshotErrors.format(where + ": expected a JSON object, found "
                        + root.getNodeType().toString().toLowerCase(Locale.ROOT) + ".");
            }
            return root;
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw SnapshotErrors.format(where + ": not valid JSON" + at + ": " + e.getOriginalMessage() + ".");
        } catch (IOException e) {
            throw SnapshotErrors.unreadable(where, e);
        }
    }

    private static void requireSupportedVersion(JsonNode root, Fields fields) {
        JsonNode version = root.get("formatVersion");
        if (version == null || !version.isInt()) {
            throw fields.wrong("formatVersion", "the integer " + SnapshotManifest.FORMAT_VERSION, version);
        }
        if (version.intValue() != SnapshotManifest.FORMAT_VERSION) {
            throw new SeedException(SeedException.Code.SNAPSHOT_FORMAT, fields.where + ": snapshot format version "
                    + version.intValue() + " is not supported; this Seedkit reads version "
                    + SnapshotManifest.FORMAT_VERSION + " only. Use the Seedkit version that exported the "
                    + "snapshot, or re-export it with this one.");
        }
    }

    private static LoadStep readStep(JsonNode node, String path, Fields fields) {
        return new LoadStep(fields.text(node, "schema", path), fields.text(node, "table", path),
                fields.text(node, "phase", path));
    }

    private static Table readTable(JsonNode node, String path, Fields fields) {
        return new Table(fields.text(node, "schema", path), fields.text(node, "name", path),
                fields.text(node, "file", path),
                fields.list(node, "columns", path, (c, p, f) -> new Column(f.text(c, "name", p), f.text(c, "type", p))),
                fields.list(node, "keyColumns", path, (k, p, f) -> f.textValue(k, p)),
                fields.count(node, "rowCount", path), fields.text(node, "sha256", path),
                node.has("naturalKey") ? fields.list(node, "naturalKey", path, (k, p, f) -> f.textValue(k, p))
                        : List.of(),
                node.has("selection") ? readSelection(node.get("selection"), path + ".selection", fields) : null);
    }

    private static Selection readSelection(JsonNode node, String path, Fields fields) {
        return new Selection(fields.count(node, "byLimit", path), fields.list(node, "pulledIn", path,
                (p, at, f) -> new PulledIn(f.text(p, "foreignKey", at), f.text(p, "from", at),
                        f.count(p, "rows", at))));
    }

    /** Reads one element of a JSON array, given the element, its path and the field reader. */
    private interface ElementReader<T> {
        T read(JsonNode node, String path, Fields fields);
    }

    /** Typed access to fields with errors that name the manifest and the JSON path. */
    private static final class Fields {
        private final String where;

        Fields(String where) {
            this.where = where;
        }

        String text(JsonNode node, String field, String path) {
            return textValue(node.get(field), join(path, field));
        }

        String textValue(JsonNode value, String path) {
            if (value == null || !value.isTextual()) {
                throw wrong(path, "a string", value);
            }
            return value.textValue();
        }

        long count(JsonNode node, String field, String path) {
            JsonNode value = node.get(field);
            if (value == null || !value.canConvertToExactIntegral() || !value.canConvertToLong()
                    || value.longValue() < 0) {
                throw wrong(join(path, field), "a whole number >= 0", value);
            }
            return value.longValue();
        }

        Instant instant(JsonNode node, String field) {
            String text = text(node, field, "");
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw wrong(field, "an ISO-8601 UTC time such as 2024-05-01T12:00:00Z", node.get(field));
            }
        }

        <T> List<T> list(JsonNode node, String field, String path, ElementReader<T> reader) {
            JsonNode array = node.get(field);
            String arrayPath = join(path, field);
            if (array == null || !array.isArray()) {
                throw wrong(arrayPath, "an array", array);
            }
            List<T> items = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                JsonNode element = array.get(i);
                String elementPath = arrayPath + "[" + i + "]";
                items.add(reader.read(element, elementPath, this));
            }
            return items;
        }

        SeedException wrong(String path, String expected, JsonNode found) {
            return SnapshotErrors.format(where + ": " + path + " must be " + expected + ", found "
                    + (found == null ? "nothing" : found.toString()) + ".");
        }

        private static String join(String path, String field) {
            return path.isEmpty() ? field : path + "." + field;
        }
    }
}
