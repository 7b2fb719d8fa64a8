package dev.seedkit.cli;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.schema.LoadPlan;
import dev.seedkit.core.schema.LoadStep;
import dev.seedkit.core.schema.Schema;
import dev.seedkit.core.schema.SchemaReader;
import dev.seedkit.core.schema.TableName;
import dev.seedkit.core.schema.VirtualForeignKey;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.core.snapshot.SnapshotManifest;
import dev.seedkit.core.snapshot.SnapshotManifest.Selection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code seedkit plan}: the order a database's tables load in, with phases, dependencies and cycle strategies; with
 * {@code --explain}, why each table of a snapshot has its rows, read from the snapshot's manifest.
 */
@Command(name = "plan", defaultValueProvider = SettingsDefaults.class,
        header = "Print the load order of a database's tables.",
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Print the load order of a database's tables: phases, what each table depends on, and how",
                "each foreign-key cycle is loaded. Formats: table (default), text (one tab-separated line per",
                "table), mermaid, dot (Graphviz). With --explain, print instead why each table of a snapshot has",
                "its rows (how many its limit chose, which foreign key pulled in how many), as recorded by the",
                "export; no database needed."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_HELP, ExitCodes.UNEXPECTED_HELP, ExitCodes.USAGE_HELP, ExitCodes.DATABASE_HELP,
                ExitCodes.CYCLE_HELP},
        footerHeading = "%nExamples:%n",
        footer = {"  seedkit plan --url jdbc:postgresql://localhost:5432/demo --user demo",
                "  seedkit plan --format mermaid --schema shop \\",
                "      --virtual-fk \"shop.orders(customer_ref) -> shop.customers(id)\" > plan.mmd",
                "  seedkit plan --format dot | dot -Tsvg > plan.svg",
                "  seedkit plan --explain --snapshot src/test/resources/fixtures/demo"})
final class PlanCommand extends Subcommand {

    @Mixin
    ConnectionOptions connection;

    @Mixin
    SnapshotOptions snapshotOptions;

    @Option(names = "--explain", description = "Print why each table of the snapshot (--snapshot) has its rows, as "
            + "its export recorded them, instead of a database's load order.")
    boolean explain;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "table (default), text, mermaid or "
            + "dot.")
    String format;

    @Option(names = "--schema", split = ",", paramLabel = "SCHEMA", description = "Schemas to read (case-sensitive). "
            + "Default: every user schema.")
    List<String> schemas;

    @Option(names = "--virtual-fk", paramLabel = "FK", description = "A reference the database does not declare, "
            + "e.g. \"shop.orders(customer_ref) -> shop.customers(id)\". Repeatable; in the settings file separate "
            + "several with ';'.")
    List<String> virtualForeignKeys;

    @Option(names = "--allow-replica-role", negatable = true, description = "Plan cycles that only "
            + "session_replication_role = replica can load, instead of failing with exit code 7.")
    Boolean allowReplicaRole;

    @Override
    Optional<String> snapshotHint(Environment environment) {
        return explain ? hintFrom(snapshotOptions, environment) : Optional.empty();
    }

    @Override
    int run() {
        if (explain) {
            return explainSnapshot();
        }
        String chosen = (format == null ? "table" : format).toLowerCase(Locale.ROOT);
        if (!List.of("table", "text", "mermaid", "dot").contains(chosen)) {
            throw new SeedException(SeedException.Code.CONFIGURATION, "Unknown plan format '" + chosen + "'; use "
                    + "table, text, mermaid or dot (or --json).");
        }
        List<VirtualForeignKey> virtualKeys = settings.list("virtual-fk", virtualForeignKeys, ";").stream()
                .map(VirtualForeignKey::parse).toList();
        Database database = database(connection, "plan reads the tables and foreign keys from a database");
        List<String> schemaNames = values(schemas);
        Schema schema = database.use(c -> SchemaReader.read(c, schemaNames)).withVirtualForeignKeys(virtualKeys);
        LoadPlan plan = LoadPlan.builder(schema).names(OptionNames::of)
                .allowReplicaRole(settings.flag("allow-replica-role", allowReplicaRole, false)).build();
        output.line(switch (chosen) {
            case "text" -> text(plan);
            case "mermaid" -> plan.toMermaid();
            case "dot" -> plan.toDot();
            default -> plan.toText();
        });
        output.result(true, ExitCodes.OK, JsonResults.plan(plan, database.display()));
        return ExitCodes.OK;
    }

    /** Why each table of the snapshot has its rows, from the manifest; tables it does not record say so. */
    private int explainSnapshot() {
        String location = snapshotLocation(snapshotOptions);
        try (Snapshot snapshot = open(location)) {
            List<SnapshotManifest.Table> tables = snapshot.manifest().tables();
            StringBuilder text = new StringBuilder("Why each table of " + location + " has its rows:\n");
            for (SnapshotManifest.Table table : tables) {
                text.append(table).append(": ").append(table.recordedSelection().map(s -> describe(s, table))
                        .orElse(table.rowCount() + " rows (not recorded: hand-written, or exported before Seedkit "
                                + "recorded why; re-export with seedkit export to record it)"))
                        .append('\n');
            }
            output.line(text.toString());
            output.result(true, ExitCodes.OK, JsonResults.selections(location, tables));
        }
        return ExitCodes.OK;
    }

    /** The recorded reasons, and a word when the file was edited after the export (its row count differs). */
    private static String describe(Selection selection, SnapshotManifest.Table table) {
        return selection.describe() + (selection.rows() == table.rowCount() ? "" : " at export; the file now has "
                + table.rowCount() + " rows (edited since)");
    }

    /** One tab-separated line per table: order, phase, table, what it depends on, cycle strategy. */
    private static String text(LoadPlan plan) {
        StringBuilder text = new StringBuilder("order\tphase\ttable\tdepends on\tstrategy\n");
        for (LoadStep step : plan.steps()) {
            text.append(step.order()).append('\t').append(step.phase()).append('\t').append(step.table()).append('\t')
                    .append(step.dependsOn().stream().map(TableName::toString).collect(Collectors.joining(",")))
                    .append('\t').append(step.cycle().map(c -> c.strategy() + " (cycle " + c.number() + ")")
                            .orElse("")).append('\n');
        }
        return text.toString();
    }
}
