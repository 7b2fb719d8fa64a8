package dev.seedkit.core.internal;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.SeedException.Code;
import java.io.IOException;

/** The wording shared by snapshot errors: what to do next, so that every message ends with a way out. */
public final class SnapshotErrors {

    /** What to do about a snapshot file that does not read or does not match its manifest. */
    public static final String REPAIR = "Re-export the snapshot, or restore the file from version control.";

    private SnapshotErrors() {
    }

    /** A file or manifest that cannot be read as the format defines it. */
    public static SeedException format(String message) {
        return new SeedException(Code.SNAPSHOT_FORMAT, message + " " + REPAIR);
    }

    /** Files that read fine but do not match what the manifest pins. */
    public static SeedException corrupt(String message) {
        return new SeedException(Code.SNAPSHOT_CORRUPT, message + " " + REPAIR);
    }

    /** A file that exists but fails to read (I/O error). */
    public static SeedException unreadable(String where, IOException e) {
        return new SeedException(Code.SNAPSHOT_CORRUPT, "Could not read " + where + ": " + e
                + ". Check that the file is readable, then retry.", e);
    }

    /** A file that cannot be written (I/O error). */
    public static SeedException unwritable(String where, IOException e) {
        return new SeedException(Code.CONFIGURATION, "Could not write " + where + ": " + e
                + ". Check that the directory exists and is writable and that the disk has space.", e);
    }
}
