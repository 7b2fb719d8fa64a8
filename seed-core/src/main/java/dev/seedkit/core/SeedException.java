package dev.seedkit.core;

import java.util.Objects;

/**
 * The one exception Seedkit throws for anything the user can act on: a snapshot that does not match its manifest,
 * a schema that drifted, a cycle that cannot be loaded, a row the database rejects.
 *
 * <p>Every message says where (file, line, table, column, as far as known), what was expected, what was found,
 * and what to do next. The {@link Code} classifies the problem so that callers can react to a kind of failure
 * without parsing messages; the command line maps it to its exit code.
 */
public class SeedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of problem this is; stable, so scripts and exit codes can rely on it. */
    public enum Code {
        /** Options or annotations that contradict each other or name something that does not exist. */
        CONFIGURATION,
        /** A snapshot file or manifest that cannot be read: bad format, bad escape, wrong field count, bad UTF-8. */
        SNAPSHOT_FORMAT,
        /** A snapshot whose files do not match the checksums or row counts its manifest pins. */
        SNAPSHOT_CORRUPT,
        /** A snapshot that cannot be found where it was looked for. */
        SNAPSHOT_NOT_FOUND,
        /** The database schema no longer matches the snapshot (missing column, incompatible type). */
        SCHEMA_DRIFT,
        /** The schema has a foreign-key cycle that no strategy can load. */
        UNLOADABLE_CYCLE,
        /** Data the database rejected, or a foreign key that does not resolve after loading. */
        DATA_INTEGRITY,
        /** Any other failure reported by the database or the connection. */
        DATABASE
    }

    private final Code code;

    public SeedException(Code code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public SeedException(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** The kind of problem; see {@link Code}. */
    public Code code() {
        return code;
    }
}
