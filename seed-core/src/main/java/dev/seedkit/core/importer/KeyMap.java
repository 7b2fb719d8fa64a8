package dev.seedkit.core.importer;

import dev.seedkit.core.schema.ForeignKey;
import dev.seedkit.core.schema.TableName;
import java.util.List;
import java.util.Optional;

/**
 * A table whose rows are matched by natural key, and the temporary table, dropped at commit, that maps each of its
 * snapshot rows to the key it has in the database: one row per staged row, with the row number, whether it matched
 * a row of the database, its key in the snapshot ({@code seedkit_old_1...}), its key in the database
 * ({@code seedkit_new_1...}: the matched row's, a fresh one, or its own) and its natural key as matched
 * ({@code seedkit_nk_1...}, references already rewritten).
 *
 * @param name       the temporary table's (quoted) name
 * @param load       the table
 * @param naturalKey the natural key's columns
 * @param sequence   the sequence feeding the table's one key column, which fresh keys continue; empty if none
 */
record KeyMap(String name, TableLoad load, List<String> naturalKey, Optional<String> sequence) {

    static final String MATCHED = "seedkit_matched";

    KeyMap {
        naturalKey = List.copyOf(naturalKey);
    }

    static String oldColumn(int index) {
        return "seedkit_old_" + (index + 1);
    }

    static String newColumn(int index) {
        return "seedkit_new_" + (index + 1);
    }

    static String naturalColumn(int index) {
        return "seedkit_nk_" + (index + 1);
    }

    TableName table() {
        return load.name();
    }

    List<String> key() {
        return load.keyColumns();
    }

    /**
     * A foreign key of a loaded table into a table with a map: the child columns that hold the parent's key, in
     * the order of the parent's key columns. Rewriting replaces their snapshot values by the database's.
     *
     * @param foreignKey the foreign key
     * @param parent     the table it references, which has a natural key
     * @param columns    the child columns matching the parent's key columns, in key order
     */
    record Reference(ForeignKey foreignKey, TableName parent, List<String> columns) {
        Reference {
            columns = List.copyOf(columns);
        }
    }
}
