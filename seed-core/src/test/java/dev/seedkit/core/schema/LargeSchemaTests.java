package dev.seedkit.core.schema;

import static dev.seedkit.core.schema.SchemaFixture.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.postgres.testing.TestDatabase;
import dev.seedkit.postgres.testing.TestPostgres;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPostgres.class)
class LargeSchemaTests {

    @Test
    void plansFiveHundredTablesAndAThousandForeignKeysParentsFirst(TestDatabase db) throws Exception {
        db.execute(new SyntheticSchema("large_x", 500, 1000).ddl());

        Schema schema = read(db, "large_x");
        LoadPlan plan = LoadPlan.of(schema);

        assertThat(schema.tables()).hasSize(500);
        assertThat(schema.foreignKeys()).hasSize(1000);
        assertThat(plan.tables()).hasSize(500).doesNotHaveDuplicates();
        assertThat(plan.cycles()).isNotEmpty();
        Map<TableName, LoadStep> steps = new HashMap<>();
        plan.steps().forEach(step -> steps.put(step.table(), step));
        for (ForeignKey fk : schema.foreignKeys()) {
            LoadStep child = steps.get(fk.child());
            LoadStep parent = steps.get(fk.parent());
            boolean sameCycle = child.cycle().isPresent() && child.cycle().equals(parent.cycle());
            if (!sameCycle) {
                assertThat(parent.order()).as("%s", fk).isLessThan(child.order());
                assertThat(parent.phase()).as("%s", fk).isLessThan(child.phase());
            } else if (!child.cycle().get().broken(fk) && !fk.selfReference()) {
                assertThat(parent.order()).as("%s", fk).isLessThan(child.order());
            }
        }
    }
}
