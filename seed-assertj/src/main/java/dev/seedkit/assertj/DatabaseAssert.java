package dev.seedkit.assertj;

import javax.sql.DataSource;
import org.assertj.core.api.AbstractAssert;

/** Assertions on a database's tables, reached through a {@link DataSource} (within a test's transaction, its view). */
public final class DatabaseAssert extends AbstractAssert<DatabaseAssert, DataSource> {

    DatabaseAssert(DataSource actual) {
        super(actual, DatabaseAssert.class);
    }

    /** Assertions on {@code table}: {@code schema.table}, or a bare name found on the search path. */
    public TableAssert table(String table) {
        isNotNull();
        return new TableAssert(actual, table);
    }
}
