package dev.seedkit.core.exporter;

import java.util.Map;
import java.util.TreeMap;

/**
 * How many rows of one table are chosen, by how they came in: by the table's limit, or pulled in as parents
 * through a foreign key (by its number in {@link ExportScope#foreignKeys()}). The rows themselves stay on the
 * server (see {@link SubsetSql}). A table exported whole with no limit has no count until its file is written.
 */
final class SelectedRows {

    private long byLimit;
    private boolean counted = true;
    private final Map<Integer, Long> pulledIn = new TreeMap<>();

    /** Every row of the table, without counting them first. */
    void uncounted() {
        counted = false;
    }

    void addByLimit(long rows) {
        byLimit += rows;
    }

    void addPulledIn(int foreignKey, long rows) {
        pulledIn.merge(foreignKey, rows, Long::sum);
    }

    /** After writing an uncounted table: its rows, all by limit. */
    void countWritten(long rows) {
        if (!counted) {
            byLimit = rows;
            counted = true;
        }
    }

    boolean counted() {
        return counted;
    }

    long byLimit() {
        return byLimit;
    }

    long asParents() {
        return pulledIn.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Rows pulled in, by foreign-key number. */
    Map<Integer, Long> pulledIn() {
        return pulledIn;
    }

    long size() {
        return byLimit + asParents();
    }
}
