package dev.seedkit.core.snapshot;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.seedkit.core.internal.SnapshotErrors;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a hand-written YAML dataset: a map of table ({@code schema.table}, or {@code table} for the default schema)
 * to a list of rows, each a map of column to value, as Database Rider writes them. {@code null}, {@code ~} or no
 * value is NULL, {@code ""} the empty string; scalars stay text, typed by the column they load into; a nested map or
 * list becomes its JSON text (for {@code json} and {@code jsonb} columns). Read with Jackson's streaming parser so
 * that every row keeps its line.
 */
final class YamlFixture {

    private static final YAMLFactory FACTORY = new YAMLFactory();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonParser parser;
    private final String file;
    private final String where;

    private YamlFixture(JsonParser parser, String file, String where) {
        this.parser = parser;
        this.file = file;
        this.where = where;
    }

    /**
     * Reads the dataset {@code in}, the file named {@code file} ({@code where} in errors): one table per top-level
     * key, in file order.
     */
    static List<FixtureTable> read(InputStream in, String file, String where) {
        try (JsonParser parser = FACTORY.createParser(in)) {
            parser.setCodec(JSON);
            return new YamlFixture(parser, file, where).tables();
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw FixtureTable.error(where + (line > 0 ? " line " + line : "") + ": not valid YAML: "
                    + e.getOriginalMessage() + ".");
        } catch (IOException e) {
            throw SnapshotErrors.unreadable(where, e);
        }
    }

    private List<FixtureTable> tables() throws IOException {
        List<FixtureTable> tables = new ArrayList<>();
        JsonToken first = parser.nextToken();
        if (first == null) {
            return tables;
        }
        expect(first == JsonToken.START_OBJECT, "a map of table name to a list of rows, e.g. 'orders:'");
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            FixtureTable table = new FixtureTable(parser.currentName(), file, where);
            if (tables.stream().anyMatch(t -> t.toString().equals(table.toString()))) {
                throw problem("table " + table + " is listed twice; list all its rows under one key");
            }
            JsonToken rows = parser.nextToken();
            if (rows != JsonToken.VALUE_NULL) {
                expect(rows == JsonToken.START_ARRAY, "a list of rows under " + table + ", each '- column: value'");
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    row(table);
                }
            }
            tables.add(table);
        }
        return tables;
    }

    private void row(FixtureTable table) throws IOException {
        long line = line();
        expect(parser.currentToken() == JsonToken.START_OBJECT, "a row of " + table + " as a map of column to value");
        Map<String, String> values = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String column = parser.currentName();
            long columnLine = line();
            if (values.containsKey(column)) {
                throw problem("column " + column + " is given twice in one row of " + table);
            }
            table.column(column, columnLine, true);
            parser.nextToken();
            values.put(column, value());
        }
        table.row(values, line);
    }

    private String value() throws IOException {
        return switch (parser.currentToken()) {
            case VALUE_NULL -> null;
            case START_OBJECT, START_ARRAY -> JSON.writeValueAsString(parser.readValueAsTree());
            default -> parser.getText();
        };
    }

    private void expect(boolean condition, String what) {
        if (!condition) {
            throw problem("expected " + what + ", found " + parser.currentToken());
        }
    }

    private RuntimeException problem(String message) {
        return FixtureTable.error(where + " line " + line() + ": " + message + ".");
    }

    private long line() {
        return parser.currentTokenLocation().getLineNr();
    }
}
