package dev.seedkit.core.importer;

import java.sql.SQLException;

/**
 * A statement of the import failed. Carries the database's error, what the import was doing, and where in the
 * snapshot the failing row is when that is known, until {@link ImportErrors} explains it after the rollback.
 * Never leaves the importer: {@link ImportRun} turns it into a {@link dev.seedkit.core.SeedException}.
 */
final class ImportFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Purpose purpose;
    private final transient RowLocation row;

    ImportFailure(SQLException cause, Purpose purpose, RowLocation row) {
        super(cause.getMessage(), cause);
        this.purpose = purpose;
        this.row = row;
    }

    SQLException sqlException() {
        return (SQLException) getCause();
    }

    Purpose purpose() {
        return purpose;
    }

    RowLocation row() {
        return row;
    }

    /** The SQLSTATE, "" when the driver gave none. */
    String state() {
        String state = sqlException().getSQLState();
        return state == null ? "" : state;
    }
}
