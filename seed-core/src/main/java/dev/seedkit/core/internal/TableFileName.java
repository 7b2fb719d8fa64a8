package dev.seedkit.core.internal;

import dev.seedkit.core.SeedException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The name of a table's file in a snapshot, {@code <schema>.<table>.tsv}, and back.
 *
 * <p>Each identifier is kept as is where it consists of {@code a-z 0-9 _ -}; every other UTF-8 byte, upper-case
 * letters and dots included, is written as {@code %XX} (upper-case hex). So any two distinct PostgreSQL identifiers
 * give distinct names even on case-insensitive file systems, the dots separate exactly three parts, and the name
 * decodes back to the schema and table: {@code public.users.tsv}, {@code sales.%4Frder%20lines.tsv} for
 * {@code sales."Order lines"}. A schema spelling a Windows device name ({@code con}, {@code nul}, {@code com1}...)
 * gets its first letter encoded too, because Windows reserves those names whatever follows the first dot.
 *
 * @param schema the table's schema, as PostgreSQL spells it (case and quotes as in the catalog)
 * @param table  the table's name, likewise
 */
public record TableFileName(String schema, String table) {

    /** The extension of every table file. */
    public static final String EXTENSION = ".tsv";

    private static final int MAX_FILE_NAME_BYTES = 255;
    private static final Set<String> WINDOWS_DEVICES = Set.of("con", "prn", "aux", "nul", "com0", "com1", "com2",
            "com3", "com4", "com5", "com6", "com7", "com8", "com9", "lpt0", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5",
            "lpt6", "lpt7", "lpt8", "lpt9");

    public TableFileName {
        requireIdentifier(schema, "schema");
        requireIdentifier(table, "table");
    }

    /** The file name, e.g. {@code public.users.tsv}. */
    public String fileName() {
        String name = encodeSchema(schema) + "." + encode(table) + EXTENSION;
        if (name.length() > MAX_FILE_NAME_BYTES) {
            throw new SeedException(SeedException.Code.CONFIGURATION, "Table " + this + " needs a " + name.length()
                    + "-byte file name, longer than the " + MAX_FILE_NAME_BYTES + " bytes file systems allow; "
                    + "rename the schema or table, or leave the table out of the snapshot.");
        }
        return name;
    }

    /** The schema and table a canonical file name stands for; refuses any other spelling. */
    public static TableFileName parse(String fileName) {
        String[] parts = fileName.split("\\.", -1);
        if (parts.length == 3 && ("." + parts[2]).equals(EXTENSION)) {
            String schema = decode(parts[0]);
            String table = decode(parts[1]);
            if (schema != null && table != null && !schema.isEmpty() && !table.isEmpty()
                    && new TableFileName(schema, table).fileName().equals(fileName)) {
                return new TableFileName(schema, table);
            }
        }
        throw SnapshotErrors.format("'" + fileName + "' is not a table file name: expected <schema>.<table>.tsv "
                + "with a-z 0-9 _ - kept and every other byte of the UTF-8 name written as %XX (upper-case hex).");
    }

    /** {@code schema.table} with each part quoted only where SQL would need it, for messages. */
    @Override
    public String toString() {
        return Identifiers.display(schema, table);
    }

    private static String encodeSchema(String schema) {
        String encoded = encode(schema);
        if (WINDOWS_DEVICES.contains(encoded)) {
            return percent(encoded.charAt(0)) + encoded.substring(1);
        }
        return encoded;
    }

    private static String encode(String identifier) {
        StringBuilder out = new StringBuilder();
        for (byte b : identifier.getBytes(StandardCharsets.UTF_8)) {
            out.append(isKept(b) ? String.valueOf((char) b) : percent(b & 0xFF));
        }
        return out.toString();
    }

    private static boolean isKept(byte b) {
        return (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '_' || b == '-';
    }

    private static String percent(int b) {
        return String.format(Locale.ROOT, "%%%02X", b);
    }

    /** Decodes %XX sequences; null if the text is not well formed or not UTF-8. */
    private static String decode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%' && isHex(encoded, i + 1) && isHex(encoded, i + 2)) {
                bytes.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c < 0x80 && isKept((byte) c)) {
                bytes.write(c);
            } else {
                return null;
            }
        }
        byte[] raw = bytes.toByteArray();
        return Utf8.firstInvalid(raw, raw.length) < 0 ? new String(raw, StandardCharsets.UTF_8) : null;
    }

    private static boolean isHex(String text, int i) {
        return i < text.length() && Character.digit(text.charAt(i), 16) >= 0;
    }

    private static void requireIdentifier(String identifier, String what) {
        Objects.requireNonNull(identifier, what);
        if (identifier.isEmpty() || identifier.indexOf('\u0000') >= 0) {
            throw new SeedException(SeedException.Code.CONFIGURATION, "A table file needs a non-empty " + what
                    + " name without NUL characters, got '" + identifier + "'.");
        }
    }
}
