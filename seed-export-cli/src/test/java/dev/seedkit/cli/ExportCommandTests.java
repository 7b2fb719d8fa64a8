package dev.seedkit.cli;

import static dev.seedkit.cli.Shop.args;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestDatabase;
import dev.seedkit.postgres.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestPostgres.class)
class ExportCommandTests {

    private static final String SECRET = "masking-Secret-never-shown";

    @TempDir
    Path dir;

    private static TestDatabase db;

    @BeforeAll
    static void createTheShop(TestDatabase database) throws Exception {
        db = database;
        db.execute(Shop.SCHEMA + Shop.DATA);
    }

    @Test
    void writesTheSnapshotAndPrintsOneLinePerTableAndTheTotals() throws Exception {
        Path snapshot = dir.resolve("fixtures/shop");

        Cli.Result result = cli().run(args("export", connection(), "--snapshot", snapshot.toString()));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("Exported unversioned from " + db.jdbcUrl() + " to " + snapshot
                + " (4 tables, 10 rows)\n")
                .containsPattern("table +rows +by limit +parents +ms\n")
                .containsPattern("shop\\.customers +3 +3 +0 +\\d+\n")
                .containsPattern("shop\\.order_lines +3 +3 +0 +\\d+\n")
                .containsPattern("total +10 +10 +0 +\\d+\n")
                .containsPattern("\\d+ queries in \\d+ round trips, 0 closure rounds, \\d+ rows read, \\d+ ms\n");
        assertThat(snapshot.resolve("manifest.json")).isRegularFile();
        assertThat(Files.readString(snapshot.resolve("shop.orders.tsv"))).isEqualTo("id\tcustomer_id\tnote\n"
                + "10\t1\tfirst\n11\t3\t\\N\n");
        assertThat(cli().run("verify", "--snapshot", snapshot.toString()).exitCode()).isZero();
    }

    @Test
    void writesCsvFixturesThatLoadAsTheSameRowsAndPassVerify(PostgresServer server) throws Exception {
        Path folder = dir.resolve("fixtures/shop-csv");

        Cli.Result result = cli().run(args("export", connection(), "--snapshot", folder.toString(), "--format", "csv",
                "--fixture-version", "shop-csv-1"));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("Exported shop-csv-1 from " + db.jdbcUrl() + " to " + folder
                + " as CSV (4 tables, 10 rows)\n");
        assertThat(Files.readString(folder.resolve("shop.orders.csv"))).isEqualTo("\"id\",\"customer_id\",\"note\"\n"
                + "\"10\",\"1\",\"first\"\n\"11\",\"3\",\n");
        assertThat(folder.resolve("manifest.json")).isRegularFile();
        assertThat(folder.getParent()).isDirectoryNotContaining("glob:**/.shop-csv.export-*");
        Cli.Result verified = cli().run("verify", "--snapshot", folder.toString(), "--expect-version", "shop-csv-1");
        assertThat(verified.exitCode()).as(verified.toString()).isZero();

        db.execute("CREATE DATABASE export_csv_target");
        query(server, Shop.SCHEMA);
        Cli.Result imported = cli().run(args("import", Shop.connection(server, "export_csv_target"), "--snapshot",
                folder.toString()));
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        String everyRow = "select (select string_agg(o::text, ';' order by id) from shop.orders o) || "
                + "(select string_agg(p::text, ';' order by id) from shop.products p) || "
                + "(select string_agg(c::text, ';' order by id) from shop.customers c)";
        assertThat(query(server, everyRow)).isEqualTo(db.queryValue(everyRow));
    }

    /** Runs {@code sql} in database export_csv_target; the first column of the first row, if any. */
    private static String query(PostgresServer server, String sql) throws Exception {
        try (Connection c = server.connect("export_csv_target"); Statement statement = c.createStatement()) {
            if (statement.execute(sql)) {
                try (ResultSet rows = statement.getResultSet()) {
                    return rows.next() ? rows.getString(1) : null;
                }
            }
            return null;
        }
    }

    @Test
    void refusesCsvIntoAFolderThatExists() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("taken"));

        Cli.Result result = cli().run(args("export", connection(), "--snapshot", folder.toString(), "--format", "csv"));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--format csv writes a new folder, but " + folder + " exists; remove it or "
                + "give another --snapshot.");
    }

    @Test
    void explainSaysWhichForeignKeyPulledInWhichRowsAndJsonCarriesTheSame() throws Exception {
        String[] subset = args("export", connection(), "--rows-per-table", "1", "--where", "shop.orders=id = 11",
                "--exclude-table", "shop.order_lines");

        Cli.Result text = cli().run(args(subset, "--snapshot", dir.resolve("text").toString(), "--explain"));
        Cli.Result json = cli().run(args(subset, "--snapshot", dir.resolve("json").toString(), "--json"));

        assertThat(text.exitCode()).as(text.toString()).isZero();
        assertThat(text.out()).contains("Why each table has its rows:\n"
                + "shop.customers: 3 rows = 1 by limit + 1 via customers_referred_by_fkey (from shop.customers)"
                + " + 1 via orders_customer_id_fkey (from shop.orders)\n"
                + "shop.orders: 1 rows = 1 by limit\n");
        JsonNode customers = new ObjectMapper().readTree(json.out()).get("tables").get(0);
        assertThat(customers.get("pulledIn").findValuesAsText("foreignKey"))
                .containsExactly("customers_referred_by_fkey", "orders_customer_id_fkey");
        assertThat(customers.get("pulledIn").findValuesAsText("child")).containsExactly("shop.customers",
                "shop.orders");
    }

    @Test
    void planExplainReadsTheSameReasonsFromTheSnapshotWithoutADatabase() throws Exception {
        Path snapshot = dir.resolve("explained");
        cli().run(args("export", connection(), "--rows-per-table", "1", "--where", "shop.orders=id = 11",
                "--exclude-table", "shop.order_lines", "--snapshot", snapshot.toString()));

        Cli.Result text = cli().run("plan", "--explain", "--snapshot", snapshot.toString());
        Cli.Result json = cli().run("plan", "--explain", "--snapshot", snapshot.toString(), "--json");

        assertThat(text.exitCode()).as(text.toString()).isZero();
        assertThat(text.out()).contains("Why each table of " + snapshot + " has its rows:\n"
                + "shop.customers: 3 rows = 1 by limit + 1 via customers_referred_by_fkey (from shop.customers)"
                + " + 1 via orders_customer_id_fkey (from shop.orders)\n"
                + "shop.orders: 1 rows = 1 by limit\n");
        assertThat(Files.readString(snapshot.resolve("manifest.json"))).contains("\"selection\": {",
                "\"foreignKey\": \"orders_customer_id_fkey\"");
        JsonNode customers = new ObjectMapper().readTree(json.out()).get("tables").get(0);
        assertThat(customers.get("recorded").asBoolean()).isTrue();
        assertThat(customers.get("rowsSelectedByLimit").asLong()).isEqualTo(1);
        assertThat(customers.get("pulledIn").findValuesAsText("child")).containsExactly("shop.customers",
                "shop.orders");

        Path manifest = snapshot.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"byLimit\": 1,\n        \"pulledIn\": []",
                "\"byLimit\": 2,\n        \"pulledIn\": []"));
        assertThat(cli().run("plan", "--explain", "--snapshot", snapshot.toString()).out())
                .contains("shop.orders: 2 rows = 2 by limit at export; the file now has 1 rows (edited since)");
    }

    @Test
    void planExplainSaysWhenASnapshotDoesNotRecordWhy() throws Exception {
        Path fixtures = Files.createDirectories(dir.resolve("fixtures"));
        Files.writeString(fixtures.resolve("shop.customers.csv"), "id,name\n1,Ada\n");
        assertThat(cli().run("adopt", fixtures.toString()).exitCode()).isZero();

        Cli.Result text = cli().run("plan", "--explain", "--snapshot", fixtures.toString());

        assertThat(text.exitCode()).as(text.toString()).isZero();
        assertThat(text.out()).contains("shop.customers: 1 rows (not recorded: hand-written, or exported before "
                + "Seedkit recorded why; re-export with seedkit export to record it)");
    }

    @Test
    void allRowsExportsEveryRowAndRefusesARowsPerTableBesideIt() throws Exception {
        Path snapshot = dir.resolve("all");

        Cli.Result result = cli().run(args("export", connection(), "--snapshot", snapshot.toString(), "--all-rows"));
        Cli.Result both = cli().run(args("export", connection(), "--snapshot", dir.resolve("no").toString(),
                "--all-rows", "--rows-per-table", "5"));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("(4 tables, 10 rows)").containsPattern("total +10 +10 +0 ");
        assertThat(Files.readString(snapshot.resolve("shop.order_lines.tsv"))).isEqualTo("order_id\tproduct_id\tqty\n"
                + "10\t1\t2\n10\t2\t1\n11\t2\t5\n");
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("--all-rows and --rows-per-table 5 both set the default limit; pass one of "
                + "them.");
    }

    @Test
    void takesEveryExporterOptionFromFlags() throws Exception {
        Path snapshot = dir.resolve("flags");

        Cli.Result result = cli().run(args("export", connection(), "--snapshot", snapshot.toString(),
                "--rows-per-table", "1", "--rows", "shop.customers=2", "--where", "shop.orders=id = 11",
                "--exclude-column", "shop.orders.note", "--exclude-table", "shop.order_lines", "--schema", "shop",
                "--fixture-version", "shop-2", "--json"));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("command").asText()).isEqualTo("export");
        assertThat(json.get("fixtureVersion").asText()).isEqualTo("shop-2");
        assertThat(json.get("tables").findValuesAsText("table")).containsExactly("shop.customers", "shop.orders",
                "shop.products");
        assertThat(json.get("tables").get(1).get("rowsSelectedByLimit").asInt()).isEqualTo(1);
        assertThat(json.get("queries").asInt()).isPositive();
        assertThat(Files.readString(snapshot.resolve("shop.orders.tsv"))).isEqualTo("id\tcustomer_id\n11\t3\n");
        assertThat(Files.readString(snapshot.resolve("shop.products.tsv"))).isEqualTo("id\ttitle\tprice\n"
                + "1\tpen\t1.50\n");
    }

    @Test
    void takesTheOptionsFromTheSettingsFile() throws Exception {
        Files.writeString(dir.resolve("seedkit.properties"), "url=" + db.jdbcUrl() + "\nuser=" + db.username()
                + "\nsnapshot=fixtures/shop\nexport.fixture-version=from-file\nrows-per-table=1\n"
                + "rows=shop.customers=3;shop.products=2\nexclude-column=shop.orders.note\n"
                + "include-table=shop.customers;shop.orders,shop.products\nwhere=shop.orders=customer_id = 3\n"
                + "mask=shop.products.price=null;shop.customers.name=sql:'n' || {column}\n");

        Cli.Result result = cli().run("export");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        Path snapshot = dir.resolve("fixtures/shop");
        assertThat(result.out()).startsWith("Exported from-file from " + db.jdbcUrl() + " to " + snapshot);
        assertThat(Files.readString(snapshot.resolve("shop.customers.tsv"))).isEqualTo("id\tname\treferred_by\n"
                + "1\tnAda\t\\N\n2\tnGrace\t1\n3\tnLinus\t2\n");
        assertThat(Files.readString(snapshot.resolve("shop.products.tsv"))).isEqualTo("id\ttitle\tprice\n"
                + "1\tpen\t\\N\n2\tink\t\\N\n");
        assertThat(Files.readString(snapshot.resolve("shop.orders.tsv"))).isEqualTo("id\tcustomer_id\n11\t3\n");
        assertThat(snapshot.resolve("shop.order_lines.tsv")).doesNotExist();
    }

    @Test
    void masksColumnsWithTheSecretFromTheEnvironmentAndNeverPrintsIt() throws Exception {
        Path snapshot = dir.resolve("masked");
        String[] export = args("export", connection(), "--snapshot", snapshot.toString(), "--mask",
                "shop.customers.name=name", "--mask", "shop.orders.note=sql:upper({column})");

        Cli.Result keyed = cli().env("SHOP_MASKING", SECRET).run(args(export, "--masking-secret-env", "SHOP_MASKING",
                "--verbose"));
        String masked = Files.readString(snapshot.resolve("shop.customers.tsv"));
        Cli.Result unkeyed = cli().run(export);

        assertThat(keyed.exitCode()).as(keyed.toString()).isZero();
        assertThat(keyed.all()).doesNotContain(SECRET).doesNotContain("warning:");
        assertThat(masked).doesNotContain("Ada", "Grace", "Linus").matches("(?s)id\tname\treferred_by\n"
                + "1\t[A-Z][a-z]+ [A-Z][a-z]+\t\\\\N\n.*");
        assertThat(Files.readString(snapshot.resolve("shop.orders.tsv"))).contains("10\t1\tFIRST\n");
        assertThat(unkeyed.exitCode()).as(unkeyed.toString()).isZero();
        assertThat(unkeyed.err()).startsWith("warning: masking without a secret");
        assertThat(Files.readString(snapshot.resolve("shop.customers.tsv"))).as("another secret, other names")
                .isNotEqualTo(masked);
    }

    @Test
    void anExcludedParentIsAUsageErrorThatSaysWhatToDo() throws Exception {
        Path snapshot = dir.resolve("kept");
        assertThat(cli().run(args("export", connection(), "--snapshot", snapshot.toString())).exitCode()).isZero();
        String before = Files.readString(snapshot.resolve("manifest.json"));

        Cli.Result result = cli().run(args("export", connection(), "--snapshot", snapshot.toString(),
                "--exclude-table", "shop.customers", "--fixture-version", "never-written"));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("error: Table shop.orders is exported, but its foreign key ")
                .contains("references shop.customers, which is not exported", "Export shop.customers too, or "
                        + "exclude shop.orders as well.");
        assertThat(Files.readString(snapshot.resolve("manifest.json"))).isEqualTo(before);
    }

    @Test
    void badOptionValuesAreUsageErrorsThatNameTheProblem() throws Exception {
        Path snapshot = dir.resolve("never");
        List<List<String>> cases = List.of(
                List.of("--rows", "shop.orders", "--rows expects TABLE=N, e.g. shop.orders=500, found "
                        + "'shop.orders'."),
                List.of("--rows", "shop.orders=many", "--rows shop.orders expects a number of rows, found 'many'."),
                List.of("--mask", "shop.customers.name=rot13", "Unknown masking 'rot13' in --mask; use email, "
                        + "name, text, null or sql:EXPRESSION"),
                List.of("--where", "shop.orders", "--where expects TABLE=CONDITION"),
                List.of("--masking-secret-env", "NOT_SET", "Environment variable NOT_SET (named by "
                        + "--masking-secret-env) is not set"),
                List.of("--snapshot", "classpath:fixtures/shop", "Cannot write a snapshot to classpath:fixtures/shop:"
                        + " a classpath location is read-only."));
        for (List<String> c : cases) {
            String[] target = c.get(0).equals("--snapshot") ? new String[0]
                    : new String[] {"--snapshot", snapshot.toString()};
            Cli.Result result = cli().run(args(args("export", connection(), target), c.get(0), c.get(1)));

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(result.err()).as(result.toString()).startsWith("error: " + c.get(2));
        }
        assertThat(snapshot).doesNotExist();
    }

    @Test
    void theExportersMessagesNameTheCommandLinesOptionsNotTheJavaApi() throws Exception {
        Path snapshot = dir.resolve("never");
        List<List<String>> cases = List.of(
                List.of("--rows-per-table=0", "--rows-per-table is 0; give at least 1 row per table."),
                List.of("--rows=shop.orders=0", "--rows gives shop.orders 0 rows; give at least 1, or leave the "
                        + "table out with --exclude-table."),
                List.of("--rows=shop.nope=5", "The export options name table shop.nope, which is not among the 4 "
                        + "tables read from schemas [public, shop]. Correct the name (bare names are folded to lower "
                        + "case; double-quote names with capitals), or read its schema with --schema."),
                List.of("--include-table=shop.orders,shop.customers", "--exclude-table=shop.orders", "Table "
                        + "shop.orders is both in --include-table and in --exclude-table; keep it in one of them."),
                List.of("--exclude-table=shop.order_lines", "--rows=shop.order_lines=5", "Option --rows names table "
                        + "shop.order_lines, which is not exported (--exclude-table or --include-table); drop the "
                        + "option, or export the table."),
                List.of("--exclude-table=shop.customers", "Table shop.orders is exported, but its foreign key "
                        + "orders_customer_id_fkey: shop.orders(customer_id) -> shop.customers(id) references "
                        + "shop.customers, which is not exported (--exclude-table or --include-table). Its columns are "
                        + "NOT NULL, so every exported row of shop.orders would be an orphan. Export shop.customers "
                        + "too, or exclude shop.orders as well."),
                List.of("--exclude-column=shop.orders.a.b", "--exclude-column 'shop.orders.a.b' is not a name of "
                        + "the form schema.table.column, e.g. public.users.email or sales.\"Order Items\".\"Note\": "
                        + "found 4 part(s). Bare names are folded to lower case; quote names with capitals, dots or "
                        + "spaces."),
                List.of("--exclude-column=shop.orders.nope", "Option --exclude-column names column shop.orders.nope, "
                        + "but shop.orders has no such column; its columns are shop.orders.id, "
                        + "shop.orders.customer_id, shop.orders.note. Bare names are folded to lower case; "
                        + "double-quote names with capitals."),
                List.of("--mask=shop.products.price=text", "Column shop.products.price cannot be masked with text: "
                        + "it applies to text-like columns, and the column's type is numeric(10,2). Mask it with "
                        + "sql:EXPRESSION (an expression of that type) or null instead."),
                List.of("--mask=shop.customers.name=null", "Column shop.customers.name cannot be masked with null: "
                        + "the column is NOT NULL. Mask it with text or sql:EXPRESSION instead."),
                List.of("--mask=shop.orders.id=sql:0", "Column shop.orders.id cannot be masked with sql:0: it is part "
                        + "of the primary key orders_pkey [id], and masked keys would no longer match the rows that "
                        + "reference them. Mask only columns outside keys."),
                List.of("--mask=shop.orders.note=sql: ", "Column shop.orders.note is masked with sql:, an empty SQL "
                        + "expression; give one such as 'user-' || md5({column}) || '@example.com'."),
                List.of("--where=shop.orders=nosuch = 1", "The export failed while choosing the first rows of "
                        + "shop.orders with the filter \"nosuch = 1\": ERROR: column \"nosuch\" does not exist"));
        for (List<String> c : cases) {
            String[] options = c.subList(0, c.size() - 1).toArray(String[]::new);
            Cli.Result result = cli().env("SEEDKIT_MASKING_SECRET", "keyed").run(args(args("export", connection(),
                    "--snapshot", snapshot.toString()), options));

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(result.err()).as(result.toString()).startsWith("error: " + c.get(c.size() - 1))
                    .doesNotContainPattern("[a-z][A-Z][a-z]+\\(|excludeTables|includeSchemas|rowsPerTable|Masking\\.");
        }
        assertThat(cli().run(args("export", connection(), "--snapshot", snapshot.toString(), "--where",
                "shop.orders=nosuch = 1")).err()).contains(". Correct the filter of shop.orders (--where). (SQL: ");
        assertThat(snapshot).doesNotExist();
    }

    @Test
    void aConstantMaskOnAUniqueColumnIsRefusedNamingTheKeyAndTheOption() throws Exception {
        db.execute("create unique index if not exists products_title_key on shop.products (title)");
        Path snapshot = dir.resolve("kept");
        assertThat(cli().run(args("export", connection(), "--snapshot", snapshot.toString())).exitCode()).isZero();
        String before = Files.readString(snapshot.resolve("shop.products.tsv"));

        Cli.Result result = cli().run(args("export", connection(), "--snapshot", snapshot.toString(), "--mask",
                "shop.products.title=sql:'same'"));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("error: Masking shop.products.title with sql:'same' makes 2 of the 2 "
                + "exported rows of shop.products share their value of unique key products_title_key [title], so the "
                + "snapshot could never be imported; nothing was written. Change the masking (--mask) to one that "
                + "keeps values distinct: email, name or text (pseudonyms keyed with the masking secret), or "
                + "sql:EXPRESSION with an expression of {column} that differs per row.\n");
        assertThat(Files.readString(snapshot.resolve("shop.products.tsv"))).isEqualTo(before);
        try (var entries = Files.list(dir)) {
            assertThat(entries.map(p -> p.getFileName().toString()).toList()).containsExactly("kept");
        }
    }

    @Test
    void anSqlMaskingTheDatabaseRejectsNamesTheMaskOption() {
        Cli.Result result = cli().run(args("export", connection(), "--snapshot", dir.resolve("never").toString(),
                "--mask", "shop.orders.note=sql:({column})::int::text"));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.DATABASE);
        assertThat(result.err()).startsWith("error: The export failed while writing the rows of shop.orders: ERROR: "
                + "invalid input syntax for type integer: \"first\". If the message is about an expression, check "
                + "the sql:EXPRESSION maskings of its columns. (SQL: COPY (SELECT ");
    }

    @Test
    void refusesASecretInTheSettingsFile() throws Exception {
        Files.writeString(dir.resolve("seedkit.properties"), "export.masking-secret=" + SECRET + "\n");

        Cli.Result result = cli().run("export");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("holds a secret ('export.masking-secret')",
                "use masking-secret-env=VARIABLE or $SEEDKIT_MASKING_SECRET").doesNotContain(SECRET);
    }

    private Cli cli() {
        return new Cli(dir).env("SEEDKIT_PASSWORD", db.password().isEmpty() ? "not-needed-here" : db.password());
    }

    private static String[] connection() {
        return new String[] {"--url", db.jdbcUrl(), "--user", db.username()};
    }
}
