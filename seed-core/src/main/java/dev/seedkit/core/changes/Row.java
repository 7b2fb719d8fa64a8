package dev.seedkit.core.changes;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One row of a table as text, column to value in table column order ({@code null} for NULL), as PostgreSQL prints
 * the values: {@code 2024-05-01}, {@code t}, {@code {a,b}}. A read-only map, so AssertJ's map assertions apply.
 */
public final class Row extends AbstractMap<String, String> {

    private final Map<String, String> values;

    Row(Map<String, String> values) {
        this.values = new LinkedHashMap<>(values);
    }

    /** A row of {@code values}, column to value in the map's order (null for NULL). */
    public static Row of(Map<String, String> values) {
        return new Row(values);
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return Collections.unmodifiableMap(values).entrySet();
    }
}
