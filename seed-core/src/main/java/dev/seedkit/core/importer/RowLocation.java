package dev.seedkit.core.importer;

/**
 * Where in a snapshot file a row the database refused is: its line (the header is line 1), the column the error
 * is about, and the row's key as PostgreSQL prints keys, e.g. {@code (id)=(7)}. For a unique key the row shares
 * with another, {@code heldBy} says who holds the value: the database's row, by its key ({@code (id)=(10)}), or
 * another line of the file ({@code line 5}). Parts not known are null or 0.
 */
record RowLocation(long line, String column, String key, String heldBy) {

    static final RowLocation UNKNOWN = new RowLocation(0, null, null, null);

    RowLocation(long line, String column, String key) {
        this(line, column, key, null);
    }

    boolean known() {
        return line > 0;
    }

    /** {@code , line 8, column qty, key (id)=(7)}: what is known, each part led by a comma. */
    String describe() {
        return (line > 0 ? ", line " + line : "") + (column != null ? ", column " + column : "")
                + (key != null ? ", key " + key : "");
    }
}
