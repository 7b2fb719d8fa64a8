package dev.seedkit.assertj;

import dev.seedkit.core.changes.Changes;
import javax.sql.DataSource;

/**
 * Entry point for Seedkit's AssertJ assertions: on what a test changed since its database was seeded
 * ({@link Changes}), and on a database's tables. Import statically beside AssertJ's own {@code assertThat}.
 *
 * <pre>{@code
 * assertThat(database.changes()).hasOnlyChangedTables("public.orders")
 *         .inserted("public.orders").hasSize(1).first().containsEntry("status", "open");
 * assertThat(dataSource).table("public.orders").hasRowCount(101);
 * }</pre>
 *
 * Failure messages show rows as small text tables, one line per row.
 */
public final class SeedkitAssertions {

    private SeedkitAssertions() {
    }

    /** Assertions on the rows a test inserted, updated and deleted since seeding. */
    public static ChangesAssert assertThat(Changes actual) {
        return new ChangesAssert(actual);
    }

    /** Assertions on the tables of the database {@code actual} connects to. */
    public static DatabaseAssert assertThat(DataSource actual) {
        return new DatabaseAssert(actual);
    }
}
