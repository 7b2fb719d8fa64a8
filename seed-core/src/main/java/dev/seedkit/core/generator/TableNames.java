package dev.seedkit.core.generator;

import dev.seedkit.core.internal.Identifiers;
import dev.seedkit.core.schema.Schema;
import dev.seedkit.core.schema.Table;
import dev.seedkit.core.schema.TableName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves the table names a configuration uses: {@code schema.table}, or a bare {@code table} when only one schema
 * has it; names are matched as written, then folded to lower case as SQL folds unquoted names; {@code "Mixed Case"}
 * parts are taken as quoted.
 */
final class TableNames {

    private TableNames() {
    }

    /** The configured tables by their resolved names; unknown or ambiguous names are errors at their line. */
    static Map<TableName, TableSpec> resolve(GeneratorConfig config, Schema schema) {
        Map<TableName, TableSpec> resolved = new LinkedHashMap<>();
        for (TableSpec spec : config.tables().values()) {
            TableName name = resolve(spec.name(), schema, spec.node());
            if (resolved.put(name, spec) != null) {
                throw spec.node().error("table " + name + " is configured twice (under two spellings); keep one");
            }
        }
        return resolved;
    }

    /** One name, as written in a config at {@code node}. */
    static TableName resolve(String written, Schema schema, YamlNode node) {
        List<String> parts = split(written, node);
        Optional<TableName> found = parts.size() == 2 ? find(schema, parts.get(0), parts.get(1))
                : findBare(schema, parts.get(0), node);
        return found.orElseThrow(() -> node.error("no table " + written + " among the tables read from schemas "
                + schema.schemaNames() + "; known tables: " + known(schema)));
    }

    private static Optional<TableName> find(Schema schema, String schemaName, String table) {
        Optional<Table> exact = schema.table(TableName.of(schemaName, table));
        if (exact.isPresent()) {
            return exact.map(Table::name);
        }
        return schema.table(TableName.of(schemaName.toLowerCase(Locale.ROOT),
                table.toLowerCase(Locale.ROOT))).map(Table::name);
    }

    private static Optional<TableName> findBare(Schema schema, String table, YamlNode node) {
        for (String candidate : List.of(table, table.toLowerCase(Locale.ROOT))) {
            List<TableName> matches = schema.tables().stream().map(Table::name)
                    .filter(name -> name.name().equals(candidate)).toList();
            if (matches.size() > 1) {
                throw node.error("table " + table + " exists in several schemas (" + matches + "); write it "
                        + "schema-qualified, e.g. " + matches.get(0));
            }
            if (matches.size() == 1) {
                return Optional.of(matches.get(0));
            }
        }
        return Optional.empty();
    }

    private static List<String> split(String written, YamlNode node) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < written.length(); i++) {
            char c = written.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < written.length() && written.charAt(i + 1) == '"') {
                    part.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == '.' && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        if (parts.size() > 2 || parts.stream().anyMatch(String::isEmpty) || quoted) {
            throw node.error("'" + written + "' is not a table name; write schema.table or table");
        }
        return parts;
    }

    private static String known(Schema schema) {
        List<String> names = schema.tables().stream().map(t -> t.name().toString()).limit(30).toList();
        return String.join(", ", names) + (schema.tables().size() > 30 ? ", ..." : "");
    }

    /** For messages: {@code schema.table}. */
    static String display(TableName name) {
        return Identifiers.display(name.schema(), name.name());
    }
}
