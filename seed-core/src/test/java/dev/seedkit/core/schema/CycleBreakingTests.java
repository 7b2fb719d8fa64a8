package dev.seedkit.core.schema;

import static dev.seedkit.core.schema.SchemaFixture.names;
import static dev.seedkit.core.schema.SchemaFixture.publicTables;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How cycles are broken, on schemas built in memory (the choice depends only on the foreign keys' properties). */
class CycleBreakingTests {

    @Test
    void updatesTheOneForeignKeyThatBreaksTwoCyclesRatherThanOnePerCycle() {
        Schema schema = SchemaFixture.inMemory().table("a", "b_id").table("b", "a_id", "c_id").table("c", "a_id")
                .foreignKey("a_b", "a", "b_id", "b", "null")
                .foreignKey("b_a", "b", "a_id", "a", "null")
                .foreignKey("b_c", "b", "c_id", "c", "null")
                .foreignKey("c_a", "c", "a_id", "a", "null")
                .build();

        CyclePlan cycle = LoadPlan.of(schema).cycles().get(0);

        assertThat(names(cycle.updatedAfterInsert())).containsExactly("a_b");
        assertThat(cycle.tables()).isEqualTo(publicTables("a", "c", "b"));
    }

    @Test
    void prefersDeferringToUpdatingAndDefersOnlyWhatTheOrderCannotSatisfy() {
        Schema schema = SchemaFixture.inMemory().table("a", "b_id").table("b", "a_id")
                .foreignKey("a_b", "a", "b_id", "b", "null", "deferrable")
                .foreignKey("b_a", "b", "a_id", "a", "null", "deferrable")
                .build();

        CyclePlan cycle = LoadPlan.of(schema).cycles().get(0);

        assertThat(cycle.strategy()).isEqualTo(CycleStrategy.DEFERRED);
        assertThat(names(cycle.deferred())).containsExactly("b_a");
        assertThat(cycle.updatedAfterInsert()).isEmpty();
        assertThat(cycle.broken(cycle.foreignKeys().get(0))).isFalse();
    }

    @Test
    void setsAsideVirtualForeignKeysBeforeAnyRealOne() {
        Schema schema = SchemaFixture.inMemory().table("a", "b_id").table("b", "a_id")
                .foreignKey("a_b", "a", "b_id", "b", "null")
                .foreignKey("b_a", "b", "a_id", "a", "virtual")
                .build();

        CyclePlan cycle = LoadPlan.of(schema).cycles().get(0);

        assertThat(cycle.strategy()).isEqualTo(CycleStrategy.VIRTUAL_ONLY);
        assertThat(names(cycle.unchecked())).containsExactly("b_a");
        assertThat(cycle.updatedAfterInsert()).isEmpty();
        assertThat(cycle.tables()).isEqualTo(publicTables("b", "a"));
    }

    @Test
    void choosesTheSameForeignKeysWhateverTheOrderTheyWereDeclaredIn() {
        Schema forward = SchemaFixture.inMemory().table("a", "b_id").table("b", "a_id")
                .foreignKey("a_b", "a", "b_id", "b", "null").foreignKey("b_a", "b", "a_id", "a", "null").build();
        Schema backward = SchemaFixture.inMemory().table("b", "a_id").table("a", "b_id")
                .foreignKey("b_a", "b", "a_id", "a", "null").foreignKey("a_b", "a", "b_id", "b", "null").build();

        assertThat(LoadPlan.of(backward).toText()).isEqualTo(LoadPlan.of(forward).toText());
        assertThat(names(LoadPlan.of(forward).cycles().get(0).updatedAfterInsert())).containsExactly("a_b");
    }

    @Test
    void keepsSelfReferencesOfACycleByRowOrderWhenTheyCannotBeNull() {
        Schema schema = SchemaFixture.inMemory().table("a", "b_id").table("b", "a_id", "parent_id")
                .foreignKey("a_b", "a", "b_id", "b", "deferrable")
                .foreignKey("b_a", "b", "a_id", "a", "deferrable")
                .foreignKey("b_parent", "b", "parent_id", "b")
                .build();

        CyclePlan cycle = LoadPlan.of(schema).cycles().get(0);

        assertThat(cycle.strategy()).isEqualTo(CycleStrategy.DEFERRED);
        assertThat(names(cycle.parentsFirst())).containsExactly("b_parent");
        assertThat(cycle.explanation()).endsWith("Rows of public.b are inserted parents first (b_parent).");
    }

    @Test
    void fallsBackToGreedyBreakingForLargeCyclesAndStillLeavesNoCycle() {
        SchemaFixture fixture = SchemaFixture.inMemory();
        int size = CycleAnalysis.EXACT_SEARCH_LIMIT + 4;
        for (int i = 0; i < size; i++) {
            fixture.table("t" + (char) ('a' + i), "next_id");
        }
        for (int i = 0; i < size; i++) {
            fixture.foreignKey("fk" + i, "t" + (char) ('a' + i), "next_id", "t" + (char) ('a' + (i + 1) % size),
                    "null");
        }

        CyclePlan cycle = LoadPlan.of(fixture.build()).cycles().get(0);

        assertThat(cycle.tables()).hasSize(size);
        assertThat(cycle.updatedAfterInsert()).hasSize(1);
    }
}
