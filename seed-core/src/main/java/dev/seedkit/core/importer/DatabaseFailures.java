package dev.seedkit.core.importer;

import static dev.seedkit.core.importer.ImportErrors.FAILED;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.SeedException.Code;
import dev.seedkit.core.importer.Purpose.Kind;
import java.time.Duration;

/**
 * The messages for database errors that are not about a row: each class of SQLSTATE gets its cause and the next
 * step, naming the table and what the import was doing. Used by {@link ImportErrors}.
 */
final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /** Connection failures (class 08) and a backend terminated by an administrator or a shutdown (57P01-57P03). */
    static boolean connectionLost(String state) {
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
    }

    static SeedException connectionLost(ImportFailure failure, String where) {
        return new SeedException(Code.DATABASE, FAILED + where + "the connection to the database was lost while "
                + failure.purpose().doing() + ": " + failure.sqlException().getMessage() + ". PostgreSQL rolls "
                + "back a transaction whose connection ends, so the database is as it was before the import. Check "
                + "that the server is up and reachable and that nothing ended the session, then import again.",
                failure.getCause());
    }

    static SeedException permissionDenied(ImportFailure failure, String role, String database) {
        Purpose purpose = failure.purpose();
        boolean createSchema = purpose.kind() == Kind.PREPARE && failure.getMessage().contains("for database");
        String next = createSchema
                ? "The import records applied snapshots in table seedkit.applied_snapshots and creates it, with "
                        + "schema seedkit, on first use. Role " + role + " needs CREATE on database " + database
                        + " for that (GRANT CREATE ON DATABASE " + database + " TO " + role + "), or the schema "
                        + "created once beforehand by a role that may (CREATE SCHEMA seedkit AUTHORIZATION " + role
                        + "); with the schema in place the import needs no CREATE on the database."
                : "Role " + role + " needs " + purpose.needs() + "; grant it, or import as a role that has it.";
        return new SeedException(Code.DATABASE, FAILED + ImportErrors.serverText(failure) + " (while "
                + purpose.doing() + "). " + next, failure.getCause());
    }

    static SeedException readOnly(ImportFailure failure, String database) {
        return new SeedException(Code.DATABASE, FAILED + "database " + database + " is read-only: "
                + ImportErrors.serverText(failure) + " (while " + failure.purpose().doing() + "). Import into a "
                + "writable database: the primary, not a standby, with default_transaction_read_only off for the "
                + "database and the importing role.", failure.getCause());
    }

    static SeedException lockTimeout(ImportFailure failure, Duration timeout, String holders) {
        Purpose purpose = failure.purpose();
        String what = purpose.kind() == Kind.PREPARE
                ? "the import lock, which lets one Seedkit import at a time into a database,"
                : "a lock on " + (purpose.tables().size() == 1 ? "table " + purpose.tables().get(0)
                        : "one of the tables " + purpose.tables());
        return new SeedException(Code.DATABASE, FAILED + "gave up after waiting " + timeout.toMillis() + " ms for "
                + what + " while " + purpose.doing() + ". " + holders + " Let that session finish its transaction "
                + "(or end it with SELECT pg_terminate_backend(pid)), then import again; to wait longer, set "
                + "SnapshotImporter.builder().lockTimeout(...).", failure.getCause());
    }

    /** Everything else, by SQLSTATE class. */
    static SeedException other(ImportFailure failure, ImportOption.Names names) {
        String state = failure.state();
        Purpose purpose = failure.purpose();
        String text = ImportErrors.serverText(failure) + " (while " + purpose.doing() + ")";
        if (state.equals("0A000") && text.contains("truncate")) {
            return new SeedException(Code.CONFIGURATION, FAILED + "REPLACE cannot empty a table: " + text + ". A "
                    + "table outside the snapshot's schemas references it, and TRUNCATE empties a table only "
                    + "together with every table that references it. Leave the table out of "
                    + names.of(ImportOption.TABLES) + ", or import with " + names.of(ImportOption.MODE,
                            ImportMode.INSERT_MISSING.name()) + " or " + names.of(ImportOption.MODE,
                            ImportMode.UPSERT.name()) + ".", failure.getCause());
        }
        if (state.startsWith("42") && purpose.kind() == Kind.RECORD) {
            return new SeedException(Code.DATABASE, FAILED + "table seedkit.applied_snapshots is not the one "
                    + "Seedkit creates: " + text + ". Seedkit records applied snapshots there, in columns "
                    + "snapshot_id, fixture_version, mode, tables, rows_inserted and applied_at; rename or drop the "
                    + "table found there (it only records which snapshots were applied) and the import creates it "
                    + "anew.", failure.getCause());
        }
        return new SeedException(Code.DATABASE, FAILED + text + ". " + nextStep(state), failure.getCause());
    }

    private static String nextStep(String state) {
        if (state.equals("57014")) {
            return "A statement timeout or an administrator cancelled it; raise statement_timeout for the importing "
                    + "role, then import again.";
        }
        if (state.startsWith("40")) {
            return "Another transaction got in the way (deadlock or serialization failure); import again.";
        }
        if (state.startsWith("53")) {
            return "The database server ran out of resources; free disk space or memory on it, then import again.";
        }
        if (state.startsWith("42")) {
            return "Check that the database schema matches the snapshot (migrate it or refresh the snapshot).";
        }
        return "See the database server's log for details, then import again.";
    }
}
