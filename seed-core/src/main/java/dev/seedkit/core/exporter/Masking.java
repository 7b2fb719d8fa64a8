package dev.seedkit.core.exporter;

import java.util.Objects;

/**
 * How the exporter replaces the values of a column that holds personal data, so that snapshots can be committed.
 * The replacement is computed by PostgreSQL inside the export's {@code COPY (SELECT ...)}; the real values never
 * reach the snapshot.
 *
 * <p>The built-in maskings are pseudonyms: a SHA-256 of the value's text, keyed with
 * {@link SnapshotExporter.Builder#maskingSecret(String)}. They are <em>deterministic</em> (the same value and
 * secret always give the same pseudonym, so snapshots diff well and joins on the column still match) and
 * <em>unique-preserving</em> (different values give different pseudonyms, up to hash collisions: one in 2^64 per
 * pair for {@link #EMAIL} and {@link #TEXT}, one in 2^40 for {@link #NAME}), so unique keys stay unique. NULL stays
 * NULL. Without a secret, anyone who can guess a value can check it against its pseudonym; set one for real data.
 *
 * <p>The exporter refuses to mask primary-key and foreign-key columns (either side): a masked key would no longer
 * match the rows that reference it. The built-in maskings apply to text-like columns ({@code text},
 * {@code varchar}, {@code char}, {@code citext} and domains over them); the pseudonyms are up to 33 characters long,
 * so a {@code varchar(20)} column needs {@link #sql(String)}.
 */
public final class Masking {

    /** The name of the session setting that carries the masking secret, so it never appears in SQL text. */
    static final String SECRET_SETTING = "seedkit.masking_secret";

    private static final String COLUMN = "{column}";
    private static final String HASH = "pg_catalog.encode(pg_catalog.sha256(pg_catalog.convert_to("
            + "pg_catalog.current_setting('" + SECRET_SETTING + "') || (" + COLUMN + ")::text, 'UTF8')), 'hex')";
    private static final String[] SYLLABLES = {"ko", "li", "mu", "no", "pi", "ru", "so", "tu", "vi", "zo", "gu",
        "ji", "lo", "mi", "nu", "ro"};

    /** {@code user-<16 hex digits>@example.com}. */
    public static final Masking EMAIL = new Masking(ExportOption.MASKING_EMAIL, true,
            "'user-' || pg_catalog.left(" + HASH + ", 16) || '@example.com'");

    /** Two capitalised pseudo-words of five syllables each from the hash, e.g. {@code Kolimunopi Rusotuvizo}. */
    public static final Masking NAME = new Masking(ExportOption.MASKING_NAME, true,
            "pg_catalog.initcap(" + syllables(1) + " || ' ' || " + syllables(6) + ")");

    /** {@code masked-<16 hex digits>}. */
    public static final Masking TEXT = new Masking(ExportOption.MASKING_TEXT, true,
            "'masked-' || pg_catalog.left(" + HASH + ", 16)");

    /** NULL in every row; for nullable columns only. */
    public static final Masking NULL = new Masking(ExportOption.MASKING_NULL, false, "NULL");

    private final ExportOption kind;
    private final boolean textOnly;
    private final String expression;

    private Masking(ExportOption kind, boolean textOnly, String expression) {
        this.kind = kind;
        this.textOnly = textOnly;
        this.expression = expression;
    }

    /**
     * A masking by any SQL expression, in which {@code {column}} stands for the column's value, e.g.
     * {@code "pg_catalog.left({column}, 1) || '.'"} or {@code "'+1 555 0100'"}. It runs in the export's read-only
     * transaction. Whether it keeps unique keys unique, and fits the column's type, is up to the expression; an
     * expression that gives every row the same value cannot mask a column of a unique key, and the export refuses
     * it. An empty expression is refused when the masking is given to {@link SnapshotExporter.Builder#mask}.
     */
    public static Masking sql(String expression) {
        Objects.requireNonNull(expression, "expression");
        return new Masking(ExportOption.MASKING_SQL, false, expression);
    }

    /** Whether this is an SQL masking whose expression is empty. */
    boolean blank() {
        return expression.isBlank();
    }

    /** Whether this is an SQL masking ({@link #sql(String)}). */
    boolean isSql() {
        return kind == ExportOption.MASKING_SQL;
    }

    /** Whether the masking only makes sense for text-like columns. */
    boolean textOnly() {
        return textOnly;
    }

    /** Whether the masking relies on the masking secret. */
    boolean usesSecret() {
        return expression.contains(SECRET_SETTING);
    }

    /** The SQL expression that replaces {@code column} (already quoted and qualified). */
    String expression(String column) {
        return expression.replace(COLUMN, column);
    }

    /** Maps five hex digits of the hash, starting at 1-based {@code from}, to syllables. */
    private static String syllables(int from) {
        String text = "pg_catalog.substr(" + HASH + ", " + from + ", 5)";
        String hex = "0123456789abcdef";
        for (int i = 0; i < hex.length(); i++) {
            text = "pg_catalog.replace(" + text + ", '" + hex.charAt(i) + "', '" + SYLLABLES[i] + "')";
        }
        return text;
    }

    /** How {@code names} write this masking, e.g. {@code Masking.TEXT} or {@code sql:upper({column})}. */
    String describe(ExportOption.Names names) {
        String name = names.of(kind);
        return isSql() ? name.replace(ExportOption.EXPRESSION, expression) : name;
    }

    /** {@code Masking.EMAIL}, ... or {@code Masking.sql(<expression>)}. */
    @Override
    public String toString() {
        return describe(ExportOption.Names.JAVA_API);
    }
}
