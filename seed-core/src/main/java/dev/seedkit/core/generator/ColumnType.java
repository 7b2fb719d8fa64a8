package dev.seedkit.core.generator;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the generator needs to know about a column's type: its family (integer, decimal, text, timestamp, ...), its
 * limits (integer width, numeric precision and scale, text length), enum labels, an array's element type, and the
 * checks and NOT NULL of a domain. Built from the schema's type text by {@link TypeCatalog}.
 */
final class ColumnType {

    /** The kinds of type the generator has defaults for; {@link #OTHER} needs a configured rule. */
    enum Family {
        INTEGER, DECIMAL, FLOAT, MONEY, TEXT, BOOLEAN, DATE, TIMESTAMP, TIMESTAMPTZ, TIME, INTERVAL, UUID, JSON,
        ENUM, INET, CIDR, MACADDR, BYTEA, XML, ARRAY, OTHER
    }

    private static final Pattern MODIFIERS = Pattern.compile("\\((\\d+)(?:\\s*,\\s*(-?\\d+))?\\)");

    private final String name;
    private final Family family;
    private final long min;
    private final long max;
    private final int precision;
    private final int scale;
    private final int maxLength;
    private final boolean fixedLength;
    private final List<String> labels;
    private final ColumnType element;
    private final List<CheckParser.Facts> domainChecks;
    private final boolean domainNotNull;

    private ColumnType(Builder b) {
        this.name = b.name;
        this.family = b.family;
        this.min = b.min;
        this.max = b.max;
        this.precision = b.precision;
        this.scale = b.scale;
        this.maxLength = b.maxLength;
        this.fixedLength = b.fixedLength;
        this.labels = List.copyOf(b.labels);
        this.element = b.element;
        this.domainChecks = List.copyOf(b.domainChecks);
        this.domainNotNull = b.domainNotNull;
    }

    /** The type of a built-in or extension scalar, from its {@code format_type} text (no domain, no enum). */
    static ColumnType scalar(String typeText) {
        Builder b = new Builder(typeText);
        String lower = typeText.toLowerCase(Locale.ROOT);
        String base = lower.replaceAll("\\(.*?\\)", "").trim();
        Matcher modifiers = MODIFIERS.matcher(lower);
        boolean modified = modifiers.find();
        switch (base) {
            case "smallint" -> b.integer(Short.MIN_VALUE, Short.MAX_VALUE);
            case "integer" -> b.integer(Integer.MIN_VALUE, Integer.MAX_VALUE);
            case "bigint" -> b.integer(Long.MIN_VALUE, Long.MAX_VALUE);
            case "numeric" -> {
                b.family = Family.DECIMAL;
                b.precision = modified ? Integer.parseInt(modifiers.group(1)) : -1;
                b.scale = modified && modifiers.group(2) != null ? Integer.parseInt(modifiers.group(2)) : modified ? 0
                        : 2;
            }
            case "real", "double precision" -> b.family = Family.FLOAT;
            case "money" -> {
                b.family = Family.MONEY;
                b.scale = 2;
            }
            case "text", "name", "citext", "character varying", "character", "bpchar", "\"char\"" -> {
                b.family = Family.TEXT;
                b.maxLength = modified ? Integer.parseInt(modifiers.group(1)) : base.equals("character") ? 1
                        : base.equals("\"char\"") ? 1 : base.equals("name") ? 63 : -1;
                b.fixedLength = base.equals("character") || base.equals("bpchar");
            }
            case "boolean" -> b.family = Family.BOOLEAN;
            case "date" -> b.family = Family.DATE;
            case "timestamp without time zone" -> b.family = Family.TIMESTAMP;
            case "timestamp with time zone" -> b.family = Family.TIMESTAMPTZ;
            case "time without time zone", "time with time zone" -> b.family = Family.TIME;
            case "interval" -> b.family = Family.INTERVAL;
            case "uuid" -> b.family = Family.UUID;
            case "json", "jsonb" -> b.family = Family.JSON;
            case "inet" -> b.family = Family.INET;
            case "cidr" -> b.family = Family.CIDR;
            case "macaddr", "macaddr8" -> b.family = Family.MACADDR;
            case "bytea" -> b.family = Family.BYTEA;
            case "xml" -> b.family = Family.XML;
            default -> b.family = base.endsWith(".citext") ? Family.TEXT : Family.OTHER;
        }
        return b.build();
    }

    static ColumnType enumeration(String typeText, List<String> labels) {
        Builder b = new Builder(typeText);
        b.family = Family.ENUM;
        b.labels = labels;
        return b.build();
    }

    static ColumnType array(String typeText, ColumnType element) {
        Builder b = new Builder(typeText);
        b.family = Family.ARRAY;
        b.element = element;
        return b.build();
    }

    /** {@code base} under the domain's name, with the domain's checks and NOT NULL added to the base's. */
    static ColumnType domain(String typeText, ColumnType base, List<CheckParser.Facts> checks, boolean notNull) {
        Builder b = new Builder(base);
        b.name = typeText;
        b.domainChecks = new java.util.ArrayList<>(base.domainChecks);
        b.domainChecks.addAll(checks);
        b.domainNotNull = base.domainNotNull || notNull;
        return b.build();
    }

    String name() {
        return name;
    }

    Family family() {
        return family;
    }

    /** Smallest and largest value of an integer type. */
    long min() {
        return min;
    }

    long max() {
        return max;
    }

    /** Total digits of a {@code numeric(p,s)}; -1 when unconstrained. */
    int precision() {
        return precision;
    }

    /** Digits after the point: numeric's scale (2 when unconstrained), money's 2. */
    int scale() {
        return scale;
    }

    /** Longest text ({@code varchar(n)}, {@code char(n)}); -1 when unlimited. */
    int maxLength() {
        return maxLength;
    }

    /** Whether text is padded to its length ({@code char(n)}). */
    boolean fixedLength() {
        return fixedLength;
    }

    List<String> labels() {
        return labels;
    }

    ColumnType element() {
        return element;
    }

    /** The checks of the domain(s) the type is, with {@code VALUE} for the column. */
    List<CheckParser.Facts> domainChecks() {
        return domainChecks;
    }

    boolean domainNotNull() {
        return domainNotNull;
    }

    boolean numeric() {
        return family == Family.INTEGER || family == Family.DECIMAL || family == Family.FLOAT
                || family == Family.MONEY;
    }

    boolean temporal() {
        return family == Family.DATE || family == Family.TIMESTAMP || family == Family.TIMESTAMPTZ;
    }

    @Override
    public String toString() {
        return name;
    }

    /** Mutable parts while a type is put together. */
    private static final class Builder {
        String name;
        Family family = Family.OTHER;
        long min;
        long max;
        int precision = -1;
        int scale;
        int maxLength = -1;
        boolean fixedLength;
        List<String> labels = List.of();
        ColumnType element;
        List<CheckParser.Facts> domainChecks = List.of();
        boolean domainNotNull;

        Builder(String name) {
            this.name = name;
        }

        Builder(ColumnType base) {
            this.name = base.name;
            this.family = base.family;
            this.min = base.min;
            this.max = base.max;
            this.precision = base.precision;
            this.scale = base.scale;
            this.maxLength = base.maxLength;
            this.fixedLength = base.fixedLength;
            this.labels = base.labels;
            this.element = base.element;
        }

        void integer(long low, long high) {
            family = Family.INTEGER;
            min = low;
            max = high;
        }

        ColumnType build() {
            return new ColumnType(this);
        }
    }
}
