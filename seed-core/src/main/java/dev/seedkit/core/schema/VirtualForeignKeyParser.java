package dev.seedkit.core.schema;

import dev.seedkit.core.SeedException;
import java.util.ArrayList;
import java.util.List;

/** Reads the textual form of a {@link VirtualForeignKey}: {@code schema.table(col, ...) -> schema.table(col, ...)}. */
final class VirtualForeignKeyParser {

    private static final String EXAMPLE = "public.orders(customer_ref) -> public.customers(id)";

    private final String text;
    private int position;

    VirtualForeignKeyParser(String text) {
        this.text = text;
    }

    VirtualForeignKey parse() {
        TableName child = tableName();
        List<String> childColumns = columns();
        expect("->");
        TableName parent = tableName();
        List<String> parentColumns = columns();
        skipSpaces();
        if (position < text.length()) {
            throw error("nothing after the referenced columns");
        }
        return VirtualForeignKey.of(child, childColumns, parent, parentColumns);
    }

    private TableName tableName() {
        String schema = identifier("a schema name");
        skipSpaces();
        if (!text.startsWith(".", position)) {
            throw error("'.' and a table name after '" + schema + "' (tables must be schema-qualified)");
        }
        position++;
        return TableName.of(schema, identifier("a table name"));
    }

    private List<String> columns() {
        expect("(");
        List<String> columns = new ArrayList<>();
        columns.add(identifier("a column name"));
        skipSpaces();
        while (text.startsWith(",", position)) {
            position++;
            columns.add(identifier("a column name"));
            skipSpaces();
        }
        expect(")");
        return columns;
    }

    private String identifier(String what) {
        skipSpaces();
        if (text.startsWith("\"", position)) {
            return quotedIdentifier(what);
        }
        int start = position;
        while (position < text.length() && isBare(text.charAt(position))) {
            position++;
        }
        if (start == position) {
            throw error(what);
        }
        return foldAsciiToLowerCase(text.substring(start, position));
    }

    private String quotedIdentifier(String what) {
        StringBuilder name = new StringBuilder();
        int start = position++;
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c != '"') {
                name.append(c);
            } else if (text.startsWith("\"", position)) {
                name.append('"');
                position++;
            } else if (name.length() > 0) {
                return name.toString();
            } else {
                break;
            }
        }
        position = start;
        throw error(what + " (a quoted name must be non-empty and end with '\"')");
    }

    private static boolean isBare(char c) {
        return !Character.isWhitespace(c) && ".(),\"-<>".indexOf(c) < 0;
    }

    private static String foldAsciiToLowerCase(String name) {
        StringBuilder folded = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            folded.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return folded.toString();
    }

    private void expect(String token) {
        skipSpaces();
        if (!text.startsWith(token, position)) {
            throw error("'" + token + "'");
        }
        position += token.length();
    }

    private void skipSpaces() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private SeedException error(String expected) {
        String found = position < text.length() ? "'" + text.substring(position) + "'" : "the end of the text";
        return new SeedException(SeedException.Code.CONFIGURATION, "Cannot read virtual foreign key '" + text
                + "': expected " + expected + " at position " + (position + 1) + " but found " + found
                + "; write it like " + EXAMPLE);
    }
}
