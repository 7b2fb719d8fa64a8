package dev.seedkit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.core.schema.ForeignKey;
import dev.seedkit.core.schema.LoadPlan;
import dev.seedkit.core.schema.LoadStep;
import dev.seedkit.core.schema.Schema;
import dev.seedkit.core.schema.SchemaReader;
import dev.seedkit.core.schema.TableName;
import dev.seedkit.postgres.testing.TestDatabase;
import dev.seedkit.postgres.testing.TestPostgres;
import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The load plan of a {@link WideSchema} (500 tables, 1,000 foreign keys) puts every parent first. */
@ExtendWith(TestPostgres.class)
class LargeSchemaTests {

    @Test
    void plansFiveHundredTablesAndAThousandForeignKeysParentsFirst(TestDatabase db) throws Exception {
        db.execute(WideSchema.standard("large_x").ddl());

        Schema schema;
        try (Connection c = db.connect()) {
            schema = SchemaReader.read(c, List.of("large_x"));
        }
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
