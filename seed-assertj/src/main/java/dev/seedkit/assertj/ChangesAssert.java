package dev.seedkit.assertj;

import dev.seedkit.core.changes.Changes;
import dev.seedkit.core.changes.RowUpdate;
import dev.seedkit.core.changes.TableChanges;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on what a test changed since seeding: which tables changed, and per table the rows inserted, updated
 * and deleted. Table names are {@code schema.table}, or bare names one schema has. Failures print the changes as
 * text tables.
 */
public final class ChangesAssert extends AbstractAssert<ChangesAssert, Changes> {

    ChangesAssert(Changes actual) {
        super(actual, ChangesAssert.class);
    }

    /** The test left every table as seeded. */
    public ChangesAssert hasNoChanges() {
        isNotNull();
        if (!actual.isEmpty()) {
            failWithMessage("Expected no changes since seeding, but:%n%s", actual.render());
        }
        return this;
    }

    /** The test changed exactly {@code tables}, each of them, and no other. */
    public ChangesAssert hasOnlyChangedTables(String... tables) {
        isNotNull();
        List<String> expected = Arrays.stream(tables).map(t -> actual.table(t).table()).sorted().toList();
        List<String> changed = actual.changedTables();
        if (!changed.equals(expected)) {
            List<String> unchanged = new ArrayList<>(expected);
            unchanged.removeAll(changed);
            List<String> extra = new ArrayList<>(changed);
            extra.removeAll(expected);
            failWithMessage("Expected only %s to change since seeding, but%s%s:%n%s", expected,
                    extra.isEmpty() ? "" : " " + String.join(", ", extra) + " changed too",
                    unchanged.isEmpty() ? "" : (extra.isEmpty() ? " " : " and ") + String.join(", ", unchanged)
                            + " did not change", actual.render());
        }
        return this;
    }

    /** The rows the test inserted into {@code table}. */
    public RowsAssert inserted(String table) {
        isNotNull();
        TableChanges changes = actual.table(table);
        return new RowsAssert(changes.inserted(), changes.columns(), "inserted into " + changes.table());
    }

    /** The rows the test updated in {@code table}, as they are now. */
    public RowsAssert updated(String table) {
        isNotNull();
        TableChanges changes = actual.table(table);
        return new RowsAssert(changes.updated().stream().map(RowUpdate::after).toList(), changes.columns(),
                "updated in " + changes.table());
    }

    /** The rows the test deleted from {@code table}, with their seeded values. */
    public RowsAssert deleted(String table) {
        isNotNull();
        TableChanges changes = actual.table(table);
        return new RowsAssert(changes.deleted(), changes.columns(), "deleted from " + changes.table());
    }
}
