package dev.seedkit.core.exporter;

/**
 * The exporter's options and maskings as its error messages name them. Java callers read the names of the
 * {@link SnapshotExporter.Builder} methods ({@code excludeTables}, {@code Masking.TEXT}); a front end with its own
 * words passes {@link Names} to {@link SnapshotExporter#builder(Names)}, so that a command line says
 * {@code --exclude-table} and {@code text} while every message keeps one implementation, here in the exporter.
 */
public enum ExportOption {

    /** The default limit: {@link SnapshotExporter.Builder#rowsPerTable(int)}. */
    ROWS_PER_TABLE("rowsPerTable"),
    /** A table's own limit: {@link SnapshotExporter.Builder#rowsPerTable(String, int)}. */
    TABLE_ROWS("rowsPerTable"),
    /** {@link SnapshotExporter.Builder#where(String, String)}. */
    WHERE("where"),
    /** {@link SnapshotExporter.Builder#includeSchemas(String...)}. */
    SCHEMAS("includeSchemas"),
    /** {@link SnapshotExporter.Builder#includeTables(String...)}. */
    INCLUDE_TABLES("includeTables"),
    /** {@link SnapshotExporter.Builder#excludeTables(String...)}. */
    EXCLUDE_TABLES("excludeTables"),
    /** {@link SnapshotExporter.Builder#excludeColumns(String...)}. */
    EXCLUDE_COLUMNS("excludeColumns"),
    /** {@link SnapshotExporter.Builder#mask(String, Masking)}. */
    MASK("mask"),
    /** {@link SnapshotExporter.Builder#fixtureVersion(String)}. */
    FIXTURE_VERSION("fixtureVersion"),
    /** {@link Masking#EMAIL}. */
    MASKING_EMAIL("Masking.EMAIL"),
    /** {@link Masking#NAME}. */
    MASKING_NAME("Masking.NAME"),
    /** {@link Masking#TEXT}. */
    MASKING_TEXT("Masking.TEXT"),
    /** {@link Masking#NULL}. */
    MASKING_NULL("Masking.NULL"),
    /** {@link Masking#sql(String)}; a name containing {@code EXPRESSION} has it replaced by the expression. */
    MASKING_SQL("Masking.sql(EXPRESSION)");

    /** Where an SQL masking's name shows its expression. */
    static final String EXPRESSION = "EXPRESSION";

    private final String apiName;

    ExportOption(String apiName) {
        this.apiName = apiName;
    }

    /** The name in the Java API, e.g. {@code excludeTables} or {@code Masking.TEXT}. */
    public String apiName() {
        return apiName;
    }

    /** How messages name each option, e.g. {@code option -> "--" + ...} for a command line. */
    @FunctionalInterface
    public interface Names {

        /** The Java API's names ({@link ExportOption#apiName()}): the default. */
        Names JAVA_API = ExportOption::apiName;

        /** The name of {@code option} in messages. */
        String of(ExportOption option);
    }
}
