package dev.seedkit.core.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keys as PostgreSQL writes them in error details, {@code (order_id, product_id)=(10, 2)}: to print a row's key
 * the same way, and to read the values back out of a detail such as {@code Key (box_id)=(99) is not present in
 * table "boxes".}
 */
final class KeyText {

    private static final Pattern DETAIL = Pattern.compile("^Key \\((.*)\\)=\\((.*)\\) "
            + "(?:is not present|already exists|is still referenced|conflicts)", Pattern.DOTALL);

    private KeyText() {
    }

    static String of(List<String> columns, List<String> values) {
        List<String> printed = new ArrayList<>();
        values.forEach(v -> printed.add(v == null ? "null" : v));
        return "(" + String.join(", ", columns) + ")=(" + String.join(", ", printed) + ")";
    }

    /**
     * The values a detail names for {@code columns}. Values are separated by ", " in the detail and not quoted, so
     * for several columns the split must give exactly one value per column, or the values cannot be told apart.
     */
    static Optional<List<String>> values(String detail, int columns) {
        Matcher matcher = DETAIL.matcher(detail == null ? "" : detail);
        if (!matcher.find() || columns < 1) {
            return Optional.empty();
        }
        String values = matcher.group(2);
        if (columns == 1) {
            return Optional.of(List.of(values));
        }
        String[] parts = values.split(", ", -1);
        return parts.length == columns ? Optional.of(List.of(parts)) : Optional.empty();
    }
}
