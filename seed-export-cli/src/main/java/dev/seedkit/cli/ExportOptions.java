package dev.seedkit.cli;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.exporter.ExportOption;
import dev.seedkit.core.exporter.Masking;
import dev.seedkit.core.exporter.SnapshotExporter;
import dev.seedkit.core.schema.VirtualForeignKey;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * What to export and how: row limits, filters, schemas and tables, columns left out or masked, virtual foreign keys,
 * the fixture version. Shared by {@code export} and {@code refresh}; each option also comes from the settings file
 * (its long name as the key, several values separated by {@code ;}).
 */
final class ExportOptions {

    /** The variable holding the masking secret unless {@code --masking-secret-env} names another. */
    static final String MASKING_SECRET_VARIABLE = "SEEDKIT_MASKING_SECRET";

    /** The variable holding the fixture version unless {@code --fixture-version} is given. */
    static final String FIXTURE_VERSION_VARIABLE = "SEEDKIT_FIXTURE_VERSION";

    /** Separates entries that may hold commas (conditions, expressions, composite keys) in the settings file. */
    private static final String ENTRIES = ";";

    @Option(names = "--rows-per-table", paramLabel = "N", description = "Rows each table contributes by itself; "
            + "the rows they reference are pulled in on top. Default: " + SnapshotExporter.DEFAULT_ROWS_PER_TABLE
            + ".")
    String rowsPerTable;

    @Option(names = "--all-rows", negatable = true, description = "Export every row of every table (whole "
            + "tables are copied as they are, at COPY speed); --rows and --where still choose rows of the tables they "
            + "name. Not with --rows-per-table.")
    Boolean allRows;

    @Option(names = "--rows", paramLabel = "TABLE=N", description = "The limit of one table, e.g. "
            + "shop.orders=500. Repeatable.")
    List<String> rows;

    @Option(names = "--where", paramLabel = "TABLE=CONDITION", description = "An SQL condition choosing the rows "
            + "a table's limit takes, e.g. \"shop.orders=status = 'open'\"; rows that other rows reference are pulled "
            + "in all the same. Repeatable.")
    List<String> where;

    @Option(names = "--schema", split = ",", paramLabel = "SCHEMA", description = "Schemas to export "
            + "(case-sensitive). Default: every user schema.")
    List<String> schemas;

    @Option(names = "--include-table", split = ",", paramLabel = "TABLE", description = "Export only these tables "
            + "(schema.table). Repeatable.")
    List<String> includeTables;

    @Option(names = "--exclude-table", split = ",", paramLabel = "TABLE", description = "Leave these tables out; a "
            + "table referencing one through a NOT NULL foreign key is an error. Repeatable.")
    List<String> excludeTables;

    @Option(names = "--exclude-column", split = ",", paramLabel = "COLUMN", description = "Leave these "
            + "columns (schema.table.column) out (nullable or defaulted ones, no keys); they load as NULL or their "
            + "default. Repeatable.")
    List<String> excludeColumns;

    @Option(names = "--virtual-fk", paramLabel = "FK", description = "A reference the database does not declare, "
            + "followed like a foreign key, e.g. \"shop.orders(customer_ref) -> shop.customers(id)\". Repeatable.")
    List<String> virtualForeignKeys;

    @Option(names = "--mask", paramLabel = "COLUMN=HOW", description = "Replace the values of a column "
            + "(schema.table.column): email, "
            + "name or text (pseudonyms keyed with the masking secret), null, or sql:EXPRESSION using {column}, "
            + "e.g. shop.customers.email=email. Repeatable.")
    List<String> masks;

    @Option(names = "--masking-secret-env", paramLabel = "VAR", description = "Name of the environment variable "
            + "holding the secret that keys the pseudonyms. Default: $" + MASKING_SECRET_VARIABLE + ".")
    String maskingSecretEnv;

    @Option(names = "--fixture-version", paramLabel = "LABEL", description = "The label the manifest records, "
            + "e.g. 2024-05-demo-3. Default: $" + FIXTURE_VERSION_VARIABLE + ", else '"
            + SnapshotExporter.DEFAULT_FIXTURE_VERSION + "'.")
    String fixtureVersion;

    /**
     * The exporter these options describe, each option from its flag, else the environment (fixture version,
     * masking secret), else the settings file. The masking secret is registered with the output's redaction.
     */
    SnapshotExporter exporter(Settings settings, Output output) {
        SnapshotExporter.Builder builder = SnapshotExporter.builder(ExportOptions::optionName);
        selection(settings, builder);
        builder.includeSchemas(Subcommand.values(schemas).toArray(String[]::new))
                .includeTables(Subcommand.values(includeTables).toArray(String[]::new))
                .excludeTables(Subcommand.values(excludeTables).toArray(String[]::new))
                .excludeColumns(Subcommand.values(excludeColumns).toArray(String[]::new))
                .virtualForeignKeys(settings.list("virtual-fk", virtualForeignKeys, ENTRIES).toArray(String[]::new));
        masking(settings, output, builder);
        Optional.ofNullable(fixtureVersion).ifPresent(builder::fixtureVersion);
        return builder.build();
    }

    /** The row limits and filters. */
    private void selection(Settings settings, SnapshotExporter.Builder builder) {
        Optional.ofNullable(rowsPerTable).ifPresent(n -> builder.rowsPerTable(count("--rows-per-table", n)));
        if (settings.flag("all-rows", allRows, false)) {
            if (rowsPerTable != null) {
                throw new SeedException(SeedException.Code.CONFIGURATION, "--all-rows and --rows-per-table "
                        + rowsPerTable + " both set the default limit; pass one of them.");
            }
            builder.rowsPerTable(SnapshotExporter.ALL_ROWS);
        }
        for (String entry : settings.list("rows", rows, ENTRIES)) {
            String[] parts = split(entry, "--rows", "TABLE=N, e.g. shop.orders=500", true);
            builder.rowsPerTable(parts[0], count("--rows " + parts[0], parts[1]));
        }
        for (String entry : settings.list("where", where, ENTRIES)) {
            String[] parts = split(entry, "--where", "TABLE=CONDITION, e.g. \"shop.orders=status = 'open'\"", false);
            builder.where(parts[0], parts[1]);
        }
    }

    /** The masked columns and the secret, with a warning when pseudonyms are not keyed. */
    private void masking(Settings settings, Output output, SnapshotExporter.Builder builder) {
        boolean keyed = false;
        for (String entry : settings.list("mask", masks, ENTRIES)) {
            String[] parts = split(entry, "--mask", "SCHEMA.TABLE.COLUMN=email|name|text|null|sql:EXPRESSION", false);
            Masking masking = masking(parts[1]);
            keyed |= masking == Masking.EMAIL || masking == Masking.NAME || masking == Masking.TEXT;
            builder.mask(parts[0], masking);
        }
        Optional<String> secret = maskingSecret(settings);
        secret.ifPresent(s -> {
            output.redaction().add(s);
            builder.maskingSecret(s);
        });
        if (keyed && secret.isEmpty()) {
            output.warn("masking without a secret: anyone who can guess a value can check it against its "
                    + "pseudonym. Set $" + MASKING_SECRET_VARIABLE + " or name a variable with --masking-secret-env.");
        }
    }

    /** How the exporter's messages name its options and maskings here: as the options above, and their values. */
    static String optionName(ExportOption option) {
        return switch (option) {
            case ROWS_PER_TABLE -> "--rows-per-table";
            case TABLE_ROWS -> "--rows";
            case WHERE -> "--where";
            case SCHEMAS -> "--schema";
            case INCLUDE_TABLES -> "--include-table";
            case EXCLUDE_TABLES -> "--exclude-table";
            case EXCLUDE_COLUMNS -> "--exclude-column";
            case MASK -> "--mask";
            case FIXTURE_VERSION -> "--fixture-version";
            case MASKING_EMAIL -> "email";
            case MASKING_NAME -> "name";
            case MASKING_TEXT -> "text";
            case MASKING_NULL -> "null";
            case MASKING_SQL -> "sql:EXPRESSION";
        };
    }

    /** The virtual foreign keys, for checks after the export (refresh verifies the import with them). */
    List<VirtualForeignKey> virtualForeignKeys(Settings settings) {
        return settings.list("virtual-fk", virtualForeignKeys, ENTRIES).stream().map(VirtualForeignKey::parse)
                .toList();
    }

    private Optional<String> maskingSecret(Settings settings) {
        Optional<String> variable = Optional.ofNullable(maskingSecretEnv);
        if (variable.isEmpty()) {
            return settings.environment().variable(MASKING_SECRET_VARIABLE);
        }
        return Optional.of(settings.environment().variable(variable.get()).orElseThrow(() -> new SeedException(
                SeedException.Code.CONFIGURATION, "Environment variable " + variable.get() + " (named by "
                + "--masking-secret-env) is not set; export it, or leave --masking-secret-env out to use $"
                + MASKING_SECRET_VARIABLE + ".")));
    }

    /** {@code email}, {@code name}, {@code text}, {@code null} in any case, or {@code sql:EXPRESSION}. */
    static Masking masking(String text) {
        String how = text.trim();
        if (how.regionMatches(true, 0, "sql:", 0, 4)) {
            return Masking.sql(how.substring(4).trim());
        }
        return switch (how.toLowerCase(Locale.ROOT)) {
            case "email" -> Masking.EMAIL;
            case "name" -> Masking.NAME;
            case "text" -> Masking.TEXT;
            case "null" -> Masking.NULL;
            default -> throw new SeedException(SeedException.Code.CONFIGURATION, "Unknown masking '" + text
                    + "' in --mask; use email, name, text, null or sql:EXPRESSION (with {column} for the value).");
        };
    }

    /** {@code NAME=VALUE} split at the first {@code =}, or the last when {@code last} (the value is a number). */
    private static String[] split(String entry, String option, String expected, boolean last) {
        int at = last ? entry.lastIndexOf('=') : entry.indexOf('=');
        String[] parts = at < 0 ? new String[] {"", ""}
                : new String[] {entry.substring(0, at).trim(), entry.substring(at + 1).trim()};
        if (parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new SeedException(SeedException.Code.CONFIGURATION, option + " expects " + expected + ", found '"
                    + entry + "'.");
        }
        return parts;
    }

    private static int count(String option, String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new SeedException(SeedException.Code.CONFIGURATION, option + " expects a number of rows, found '"
                    + text + "'.");
        }
    }
}
