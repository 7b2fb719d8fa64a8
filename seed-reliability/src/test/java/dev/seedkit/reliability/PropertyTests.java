package dev.seedkit.reliability;

import static dev.seedkit.reliability.Shop.args;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.schema.ForeignKey;
import dev.seedkit.core.schema.LoadPlan;
import dev.seedkit.core.schema.LoadStep;
import dev.seedkit.core.schema.Schema;
import dev.seedkit.core.schema.SchemaReader;
import dev.seedkit.core.schema.TableName;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.core.snapshot.SnapshotLocation;
import dev.seedkit.core.internal.TableFileReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Group;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * Properties checked against real PostgreSQL with generated input (fixed seeds, so a run is repeatable):
 * any text survives the whole command-line round trip, and the load plan of any foreign-key graph, cycles
 * included, puts every parent before its children outside cycles.
 */
@AddLifecycleHook(PropertyServer.class)
class PropertyTests {

    private static final AtomicInteger TRIES = new AtomicInteger();

    /** {@code seedkit export}, then the file as read back, then {@code seedkit import}: the text is unchanged. */
    @Group
    class TextRoundTrip {

        private String source;
        private String target;

        @Property(tries = 15, seed = "20261203", shrinking = ShrinkingMode.BOUNDED)
        void anyTextComesBackFromExportAndImportUnchanged(@ForAll("texts") List<String> values, Shop shop)
                throws Exception {
            databases(shop);
            fill(shop, values);
            Path snapshot = Files.createTempDirectory("seedkit-property-").resolve("texts");
            Cli.Result exported = Cli.run(args("export", shop.connection(source), "--snapshot", snapshot.toString(),
                    "--schema", "codec", "--rows-per-table", "100000"));
            assertThat(exported.exitCode()).as(exported.toString()).isZero();

            assertThat(read(snapshot)).as("the file read back").isEqualTo(values);
            Cli.Result imported = Cli.run(args("import", shop.connection(target), "--snapshot", snapshot.toString(),
                    "--replace", "--force"));
            assertThat(imported.exitCode()).as(imported.toString()).isZero();
            assertThat(loaded(shop)).as("the rows imported").isEqualTo(values);
        }

        @Provide
        Arbitrary<List<String>> texts() {
            Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                    Tuple.of(4, Arbitraries.of((int) '\t', (int) '\n', (int) '\r', (int) '\\', (int) '\b', (int) '\f',
                            0x0B, (int) 'N', (int) '.', (int) ' ', (int) '"', (int) ',')),
                    Tuple.of(3, Arbitraries.integers().between(1, 0x7F)),
                    Tuple.of(2, Arbitraries.integers().between(0x80, 0xD7FF)),
                    Tuple.of(1, Arbitraries.integers().between(0xE000, 0xFFFF)),
                    Tuple.of(2, Arbitraries.integers().between(0x10000, 0x10FFFF)));
            Arbitrary<String> text = codePoint.list().ofMaxSize(24)
                    .map(points -> new String(points.stream().mapToInt(Integer::intValue).toArray(), 0,
                            points.size()));
            Arbitrary<String> special = Arbitraries.of("", "\\N", "\\.", "N", "\\", "\t", "\n", "\r\n", "\uD83D\uDE00");
            return Arbitraries.frequencyOf(Tuple.of(8, text), Tuple.of(2, special)).injectNull(0.05).list()
                    .ofMinSize(1).ofMaxSize(40);
        }

        private void databases(Shop shop) throws Exception {
            if (source == null) {
                String table = "create schema codec; create table codec.texts (id int primary key, value text);";
                source = shop.createDatabase(table);
                target = shop.createDatabase(table);
            }
        }

        private void fill(Shop shop, List<String> values) throws Exception {
            try (Connection c = shop.connect(source)) {
                c.createStatement().execute("TRUNCATE codec.texts");
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO codec.texts VALUES (?, ?)")) {
                    for (int i = 0; i < values.size(); i++) {
                        insert.setInt(1, i);
                        insert.setString(2, values.get(i));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
        }

        private List<String> read(Path snapshot) {
            List<String> values = new ArrayList<>();
            try (Snapshot open = SnapshotLocation.directory(snapshot).open();
                 TableFileReader reader = TableFileReader.open(open, open.manifest().tables().get(0))) {
                for (Optional<List<String>> row = reader.nextRow(); row.isPresent(); row = reader.nextRow()) {
                    values.add(row.get().get(1));
                }
            }
            return values;
        }

        private List<String> loaded(Shop shop) throws Exception {
            List<String> values = new ArrayList<>();
            try (Connection c = shop.connect(target); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT value FROM codec.texts ORDER BY id")) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }
    }

    /**
     * Random foreign-key graphs, cycles and self-references included, built as real tables: either the plan puts
     * every parent before its children (unless both are in one cycle), or the graph has a cycle of NOT NULL
     * foreign keys, which nothing can load, and planning says so.
     */
    @Group
    class LoadPlanOrder {

        private String database;

        /** A foreign key from table {@code child} to table {@code parent}, nullable or not. */
        record Edge(int child, int parent, boolean nullable) {
        }

        /** A graph of {@code tables} tables and foreign keys between them. */
        record Graph(int tables, List<Edge> edges) {
        }

        @Property(tries = 40, seed = "20261203", shrinking = ShrinkingMode.BOUNDED)
        void everyParentLoadsBeforeItsChildrenOutsideCycles(@ForAll("graphs") Graph graph, Shop shop)
                throws Exception {
            Schema schema = create(shop, graph);
            Optional<LoadPlan> plan = plan(schema);

            if (plan.isEmpty()) {
                assertThat(hasCycle(graph, false)).as("refused, so a cycle of NOT NULL foreign keys exists").isTrue();
                return;
            }
            Map<TableName, LoadStep> steps = new HashMap<>();
            plan.get().steps().forEach(step -> steps.put(step.table(), step));
            boolean[][] reach = reachability(graph);
            for (ForeignKey fk : schema.foreignKeys()) {
                int child = number(fk.child());
                int parent = number(fk.parent());
                if (child != parent && !(reach[child][parent] && reach[parent][child])) {
                    assertThat(steps.get(fk.parent()).order()).as("%s outside any cycle", fk)
                            .isLessThan(steps.get(fk.child()).order());
                }
            }
            assertThat(steps).hasSize(graph.tables());
        }

        @Provide
        Arbitrary<Graph> graphs() {
            return Arbitraries.integers().between(1, 10).flatMap(tables -> Combinators.combine(
                    Arbitraries.integers().between(0, tables - 1), Arbitraries.integers().between(0, tables - 1),
                    Arbitraries.frequency(Tuple.of(3, true), Tuple.of(1, false)))
                    .as(Edge::new).list().ofMaxSize(2 * tables).map(edges -> new Graph(tables, edges)));
        }

        private Schema create(Shop shop, Graph graph) throws Exception {
            if (database == null) {
                database = shop.createDatabase("");
            }
            String name = "plan_" + TRIES.incrementAndGet();
            StringBuilder ddl = new StringBuilder("CREATE SCHEMA " + name + ";");
            for (int t = 0; t < graph.tables(); t++) {
                ddl.append(" CREATE TABLE ").append(name).append(".t").append(t).append(" (id int PRIMARY KEY);");
            }
            for (int e = 0; e < graph.edges().size(); e++) {
                Edge edge = graph.edges().get(e);
                ddl.append(" ALTER TABLE ").append(name).append(".t").append(edge.child()).append(" ADD COLUMN f")
                        .append(e).append(" int").append(edge.nullable() ? "" : " NOT NULL").append(" REFERENCES ")
                        .append(name).append(".t").append(edge.parent()).append(";");
            }
            try (Connection c = shop.connect(database)) {
                c.createStatement().execute(ddl.toString());
                return SchemaReader.read(c, List.of(name));
            }
        }

        private Optional<LoadPlan> plan(Schema schema) {
            try {
                return Optional.of(LoadPlan.of(schema));
            } catch (SeedException e) {
                assertThat(e.code()).as(e.getMessage()).isEqualTo(SeedException.Code.UNLOADABLE_CYCLE);
                return Optional.empty();
            }
        }

        private static int number(TableName table) {
            return Integer.parseInt(table.name().substring(1));
        }

        /** Whether following foreign keys (only NOT NULL ones unless {@code nullableToo}) can lead back to a start. */
        private static boolean hasCycle(Graph graph, boolean nullableToo) {
            boolean[][] reach = new boolean[graph.tables()][graph.tables()];
            graph.edges().stream().filter(e -> nullableToo || !e.nullable())
                    .forEach(e -> reach[e.child()][e.parent()] = true);
            close(reach);
            for (int t = 0; t < graph.tables(); t++) {
                if (reach[t][t]) {
                    return true;
                }
            }
            return false;
        }

        private static boolean[][] reachability(Graph graph) {
            boolean[][] reach = new boolean[graph.tables()][graph.tables()];
            graph.edges().forEach(e -> reach[e.child()][e.parent()] = true);
            close(reach);
            return reach;
        }

        /** Warshall's transitive closure. */
        private static void close(boolean[][] reach) {
            for (int k = 0; k < reach.length; k++) {
                for (int i = 0; i < reach.length; i++) {
                    for (int j = 0; j < reach.length; j++) {
                        reach[i][j] |= reach[i][k] && reach[k][j];
                    }
                }
            }
        }
    }
}
