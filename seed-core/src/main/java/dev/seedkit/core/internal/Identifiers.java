package dev.seedkit.core.internal;

import java.util.Comparator;

/**
 * Quoting of PostgreSQL identifiers, the one implementation every Seedkit module uses. Seedkit always quotes the
 * names it puts into SQL ({@link #quote}), so that mixed-case, reserved-word and non-ASCII names work without
 * guessing which ones PostgreSQL would fold or reject; messages show names as people read them ({@link #display}).
 */
public final class Identifiers {

    /** Orders names by their UTF-8 bytes (the same as by code points), independent of locale and collation. */
    public static final Comparator<String> BYTEWISE = Identifiers::compareBytewise;

    private Identifiers() {
    }

    /**
     * The identifier in double quotes, with embedded double quotes doubled: {@code Order "X"} becomes
     * {@code "Order ""X"""}. Safe for any name PostgreSQL accepts.
     *
     * @throws IllegalArgumentException for an empty name or one containing a NUL character, which PostgreSQL
     *         cannot store
     */
    public static String quote(String identifier) {
        if (identifier.isEmpty() || identifier.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("Not a PostgreSQL identifier: '" + identifier.replace("\0", "\\0")
                    + "'; identifiers are non-empty and contain no NUL character");
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** {@code "schema"."name"}, both parts quoted. */
    public static String quote(String schema, String name) {
        return quote(schema) + '.' + quote(name);
    }

    /** {@code schema.name} for messages, each part as {@link #display(String)} shows it. */
    public static String display(String schema, String name) {
        return display(schema) + '.' + display(name);
    }

    /**
     * The name as people read it: bare when it consists only of lower-case ASCII letters, digits, {@code _},
     * {@code $} and non-ASCII letters and digits, quoted otherwise.
     * {@link dev.seedkit.core.schema.VirtualForeignKey#parse} reads this
     * form back to the same name.
     */
    public static String display(String identifier) {
        boolean bare = !identifier.isEmpty() && identifier.codePoints().allMatch(Identifiers::isBareCharacter);
        return bare ? identifier : quote(identifier);
    }

    private static boolean isBareCharacter(int cp) {
        if (cp < 128) {
            return (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || cp == '_' || cp == '$';
        }
        return Character.isLetterOrDigit(cp);
    }

    static int compareBytewise(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
