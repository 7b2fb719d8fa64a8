package dev.seedkit.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Properties of plans for random foreign-key graphs built in memory, checked for a fixed series of seeds (plain
 * loops rather than jqwik, which would keep a failure database in the module directory).
 */
class LoadPlanPropertyTests {

    private static final int GRAPHS = 200;

    @Test
    void everyTableOnceAndEveryParentFirstUnlessTheForeignKeyIsSetAside() {
        for (long seed = 0; seed < GRAPHS; seed++) {
            Random random = new Random(seed);
            int tables = 1 + random.nextInt(40);
            checkOrder(randomSchema(tables, random.nextInt(2 * tables + 1), random));
        }
    }

    @Test
    void tablesShareACycleExactlyWhenEachReachesTheOther() {
        for (long seed = 0; seed < GRAPHS; seed++) {
            Random random = new Random(seed);
            int tables = 1 + random.nextInt(25);
            checkCycles(randomSchema(tables, random.nextInt(2 * tables + 1), random));
        }
    }

    private static void checkOrder(Schema schema) {
        LoadPlan plan = LoadPlan.of(schema);
        assertThat(plan.tables()).hasSize(schema.tables().size()).doesNotHaveDuplicates();
        Map<TableName, LoadStep> steps = new HashMap<>();
        plan.steps().forEach(s -> steps.put(s.table(), s));
        for (ForeignKey fk : schema.foreignKeys()) {
            LoadStep child = steps.get(fk.child());
            LoadStep parent = steps.get(fk.parent());
            boolean setAside = child.cycle().map(c -> c.broken(fk)).orElse(false);
            if (!setAside && !fk.selfReference()) {
                assertThat(parent.order()).as("%s", fk).isLessThan(child.order());
            }
            if (child.cycle().isEmpty() || !child.cycle().equals(parent.cycle())) {
                assertThat(parent.phase()).as("%s", fk).isLessThan(child.phase());
            }
        }
    }

    private static void checkCycles(Schema schema) {
        LoadPlan plan = LoadPlan.of(schema);
        Map<TableName, Set<TableName>> reachable = reachability(schema);

        for (LoadStep a : plan.steps()) {
            for (LoadStep b : plan.steps()) {
                boolean mutual = !a.equals(b) && reachable.get(a.table()).contains(b.table())
                        && reachable.get(b.table()).contains(a.table());
                boolean sameCycle = !a.equals(b) && a.cycle().isPresent() && a.cycle().equals(b.cycle());
                assertThat(sameCycle).as("%s and %s", a.table(), b.table()).isEqualTo(mutual);
            }
        }
    }

    /** Random tables and foreign keys, all nullable so that every cycle can be broken. */
    private static Schema randomSchema(int tables, int foreignKeys, Random random) {
        SchemaFixture fixture = SchemaFixture.inMemory();
        List<String> fkColumns = new ArrayList<>();
        for (int i = 0; i < foreignKeys; i++) {
            fkColumns.add("ref" + i);
        }
        for (int i = 0; i < tables; i++) {
            fixture.table("t" + i, fkColumns.toArray(String[]::new));
        }
        for (int i = 0; i < foreignKeys; i++) {
            String flag = random.nextInt(4) == 0 ? "deferrable" : "null";
            fixture.foreignKey("fk" + i, "t" + random.nextInt(tables), "ref" + i, "t" + random.nextInt(tables),
                    "null", flag);
        }
        return fixture.build();
    }

    private static Map<TableName, Set<TableName>> reachability(Schema schema) {
        Map<TableName, Set<TableName>> reachable = new HashMap<>();
        for (Table table : schema.tables()) {
            Set<TableName> seen = new HashSet<>();
            List<TableName> todo = new ArrayList<>(List.of(table.name()));
            while (!todo.isEmpty()) {
                for (ForeignKey fk : schema.outgoing(todo.remove(todo.size() - 1))) {
                    if (seen.add(fk.parent())) {
                        todo.add(fk.parent());
                    }
                }
            }
            reachable.put(table.name(), seen);
        }
        return reachable;
    }
}
