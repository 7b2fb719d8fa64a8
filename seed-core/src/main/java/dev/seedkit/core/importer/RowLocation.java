package dev.seedkit.core.importer;

/**
 * Where in a snapshot file a row the database refused is: its line (the header is line 1), the column the error
 * is about, and the row's key as PostgreSQL prints keys, e.g. {@code (id)=(7)}. Parts not known are null or 0.
 */
record RowLocation(long line, String column, String key) {

    static final RowLocation UNKNOWN = new RowLocation(0, null, null);

    boolean known() {
        return line > 0;
    }

    RowLocation withKey(String rowKey) {
        return new RowLocation(line, column, rowKey);
    }

    /** {@code , line 8, column qty, key (id)=(7)}: what is known, each part led by a comma. */
    String describe() {
        return (line > 0 ? ", line " + line : "") + (column != null ? ", column " + column : "")
                + (key != null ? ", key " + key : "");
    }
}
