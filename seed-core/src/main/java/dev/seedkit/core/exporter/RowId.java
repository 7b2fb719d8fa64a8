package dev.seedkit.core.exporter;

import dev.seedkit.core.SeedException;
import java.util.regex.Pattern;

/**
 * Where a row lives: the partition (or table) that holds it and its {@code ctid}. Inside the export's one
 * REPEATABLE READ transaction a row keeps its ctid (a concurrent update writes a new version elsewhere, and the
 * snapshot keeps seeing the old one), so this identifies a row for the whole export whatever its key's type, and
 * works for tables without a key. It only ever appears in SQL as digits, which makes it safe to inline.
 *
 * @param tableOid the {@code tableoid} of the table or partition that holds the row
 * @param ctid     the row's {@code ctid}, e.g. {@code (0,1)}
 */
record RowId(long tableOid, String ctid) {

    private static final Pattern CTID = Pattern.compile("\\(\\d+,\\d+\\)");

    RowId {
        if (!CTID.matcher(ctid).matches()) {
            throw new SeedException(SeedException.Code.DATABASE, "The database returned ctid '" + ctid + "', which "
                    + "is not of the form (block,offset). Export only from PostgreSQL heap tables.");
        }
    }
}
