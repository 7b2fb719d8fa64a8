package dev.seedkit.core.exporter;

import dev.seedkit.core.SeedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the names options refer to, {@code schema.table} and {@code schema.table.column}, the way SQL does: bare
 * parts are folded to lower case, double-quoted parts are taken as written ({@code sales."Order Items"."Note"}),
 * with {@code ""} standing for a quote inside one.
 */
final class QualifiedName {

    private QualifiedName() {
    }

    /** The {@code parts} parts of {@code text}; {@code what} names the option in errors. */
    static List<String> parse(String text, int parts, String what) {
        List<String> names = new ArrayList<>();
        int i = 0;
        while (i <= text.length()) {
            i = text.startsWith("\"", i) ? quoted(text, i, names, what) : bare(text, i, names);
            if (i < text.length() && text.charAt(i) != '.') {
                throw invalid(text, parts, what, "expected '.' at position " + (i + 1));
            }
            i++;
        }
        if (names.size() != parts || names.stream().anyMatch(String::isEmpty)) {
            throw invalid(text, parts, what, "found " + names.size() + " part(s)");
        }
        return names;
    }

    private static int quoted(String text, int start, List<String> names, String what) {
        StringBuilder name = new StringBuilder();
        int i = start + 1;
        while (i < text.length()) {
            if (text.charAt(i) == '"') {
                if (!text.startsWith("\"\"", i)) {
                    names.add(name.toString());
                    return i + 1;
                }
                i++;
            }
            name.append(text.charAt(i++));
        }
        throw new SeedException(SeedException.Code.CONFIGURATION, what + " '" + text + "' has a double quote at "
                + "position " + (start + 1) + " that is never closed; close it, and write \"\" for a quote inside.");
    }

    private static int bare(String text, int start, List<String> names) {
        int end = text.indexOf('.', start);
        end = end < 0 ? text.length() : end;
        names.add(text.substring(start, end).toLowerCase(Locale.ROOT));
        return end;
    }

    private static SeedException invalid(String text, int parts, String what, String found) {
        String form = parts == 2 ? "schema.table, e.g. public.users or sales.\"Order Items\""
                : "schema.table.column, e.g. public.users.email or sales.\"Order Items\".\"Note\"";
        return new SeedException(SeedException.Code.CONFIGURATION, what + " '" + text + "' is not a name of the "
                + "form " + form + ": " + found + ". Bare names are folded to lower case; quote names with "
                + "capitals, dots or spaces.");
    }
}
