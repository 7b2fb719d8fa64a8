package dev.seedkit.cli;

import dev.seedkit.core.SeedException;

/**
 * The exit codes of every {@code seedkit} command, stable so that CI scripts can branch on them. Each command's
 * {@code --help} lists them (the {@code *_HELP} lines); {@link #of(SeedException.Code)} maps core errors onto them.
 */
final class ExitCodes {

    /** Everything checked out, or the command did what it was asked. */
    static final int OK = 0;
    /** A bug or an unexpected failure (I/O, a runtime error); rerun with {@code --verbose} and report it. */
    static final int UNEXPECTED = 1;
    /** Wrong options or configuration: unknown option, missing URL or snapshot, bad mode, bad virtual FK. */
    static final int USAGE = 2;
    /** The snapshot is missing, unreadable, or does not match its manifest's checksums. */
    static final int SNAPSHOT = 3;
    /** The database schema no longer matches the snapshot. */
    static final int SCHEMA_DRIFT = 4;
    /** Verification failed: rows or references missing, or not the expected fixture version. */
    static final int VERIFY_FAILED = 5;
    /** The database could not be reached or reported an error. */
    static final int DATABASE = 6;
    /** The schema has a foreign-key cycle that cannot be loaded. */
    static final int UNLOADABLE_CYCLE = 7;
    /** {@code import --dry-run}: everything checked out, and the import would change rows. */
    static final int DRY_RUN_CHANGES = 8;

    static final String HEADING = "%nExit codes:%n";
    static final String OK_HELP = "0:success";
    static final String UNEXPECTED_HELP = "1:unexpected error (rerun with --verbose and report it)";
    static final String USAGE_HELP = "2:usage or configuration error";
    static final String SNAPSHOT_HELP = "3:snapshot not found, malformed or corrupt (checksum mismatch)";
    static final String DRIFT_HELP = "4:schema drift: the database no longer matches the snapshot";
    static final String VERIFY_HELP = "5:verification failed (data integrity, fixture version)";
    static final String DATABASE_HELP = "6:database or connection error";
    static final String CYCLE_HELP = "7:unloadable foreign-key cycle";
    static final String DRY_RUN_HELP = "8:dry run: the import would change rows (0: it would change nothing)";

    private ExitCodes() {
    }

    /** The exit code for a core error of kind {@code code}. */
    static int of(SeedException.Code code) {
        return switch (code) {
            case CONFIGURATION -> USAGE;
            case SNAPSHOT_FORMAT, SNAPSHOT_CORRUPT, SNAPSHOT_NOT_FOUND -> SNAPSHOT;
            case SCHEMA_DRIFT -> SCHEMA_DRIFT;
            case DATA_INTEGRITY -> VERIFY_FAILED;
            case DATABASE -> DATABASE;
            case UNLOADABLE_CYCLE -> UNLOADABLE_CYCLE;
        };
    }
}
