package dev.seedkit.core.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seedkit.core.SeedException;
import dev.seedkit.postgres.testing.TestDatabase;
import dev.seedkit.postgres.testing.TestPostgres;
import java.sql.Connection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Settings that do not fit the schema, found before anything is written: each names the file, line and key, what
 * the schema says, and what to do. After each refusal the database is still empty.
 */
@ExtendWith(TestPostgres.class)
class ConfigSchemaErrorTests {

    static TestDatabase database;

    @BeforeAll
    static void createSchema(TestDatabase db) throws Exception {
        database = db;
        db.execute("""
                create type mood as enum ('happy', 'sad');
                create table owners (id int primary key, name text not null,
                    discount numeric(5,2) not null check (discount > 0 and discount <= 100),
                    full_name text generated always as (name || '!') stored, mood mood);
                create table pets (id int primary key, owner_id int not null references owners,
                    passport_owner int unique references owners, name text);
                """);
    }

    @Test
    void anUnknownTableListsTheKnownOnes() {
        assertRefused("tables:\n  owner: {rows: 5}\n", "Generator config gen.yaml, line 2, key tables.owner: no "
                + "table owner among the tables read from schemas [public]; known tables: public.owners, public.pets");
    }

    @Test
    void anUnknownColumnListsTheColumns() {
        assertRefused("tables:\n  owners:\n    columns:\n      nmae: {pattern: x}\n", "Generator config gen.yaml, "
                + "line 4, key tables.owners.columns.nmae: public.owners has no column nmae; its columns are id, "
                + "name, discount, full_name, mood");
    }

    @Test
    void moreRowsThanTheIdRangeHolds() {
        assertRefused("tables:\n  owners:\n    rows: 20\n    ids: 100-109\n", "Generator config gen.yaml, line 4, key "
                + "tables.owners.ids: public.owners gets 20 rows, but ids 100-109 holds only 10; widen the range or "
                + "generate fewer rows");
    }

    @Test
    void aRangeBeyondACheckConstraint() {
        assertRefused("tables:\n  owners:\n    columns:\n      discount: {range: 0-150}\n", "Generator config "
                + "gen.yaml, line 4, key tables.owners.columns.discount.range: the values 0 to 150 go beyond what "
                + "check constraint owners_discount_check (discount > 0) allows for public.owners.discount; narrow "
                + "the range");
    }

    @Test
    void nullsForANotNullColumn() {
        assertRefused("tables:\n  owners:\n    columns:\n      name: {pattern: 'n{n}', null: 0.1}\n", "Generator "
                + "config gen.yaml, line 4, key tables.owners.columns.name.null: public.owners.name is NOT NULL, so "
                + "it cannot get NULLs; remove null");
    }

    @Test
    void aLabelTheEnumLacks() {
        assertRefused("tables:\n  owners:\n    columns:\n      mood: [happy, angry]\n", "Generator config gen.yaml, "
                + "line 4, key tables.owners.columns.mood[1]: 'angry' is not a label of enum public.mood "
                + "(public.owners.mood); its labels are happy, sad");
    }

    @Test
    void aRuleForAGeneratedColumn() {
        assertRefused("tables:\n  owners:\n    columns:\n      full_name: x\n", "Generator config gen.yaml, line 4, "
                + "key tables.owners.columns.full_name: public.owners.full_name is computed by the database "
                + "(GENERATED ALWAYS AS ...), so it cannot be given values; remove its rule");
    }

    @Test
    void aValueRuleForAForeignKeyColumn() {
        assertRefused("tables:\n  pets:\n    columns:\n      owner_id: {range: 1-5}\n", "Generator config gen.yaml, "
                + "line 4, key tables.pets.columns.owner_id: public.pets.owner_id belongs to foreign key "
                + "pets_owner_id_fkey (public.pets(owner_id) -> public.owners(id)), so its values come from rows of "
                + "public.owners; configure how they are chosen (parent: uniform, skewed, earlier, tree, "
                + "first-child) or how often they are NULL (null: 0.2) instead of range");
    }

    @Test
    void moreRowsThanAUniqueForeignKeyCanReference() {
        assertRefused("tables:\n  owners: {rows: 5}\n  pets: {rows: 8, columns: {passport_owner: {null: 0}}}\n",
                "Generator config gen.yaml: public.pets gets 8 rows, but its unique key (passport_owner) lets each "
                + "row of public.owners (5 rows) be referenced once; generate at most 5 rows, or more of "
                + "public.owners");
    }

    @Test
    void aCountByTierForAParentWithoutTiers() {
        assertRefused("tables:\n  pets:\n    per: owner_id\n    count: {big: 1-3}\n", "Generator config gen.yaml, line "
                + "4, key tables.pets.count: count gives a range per tier, but public.owners has no tiers; give it "
                + "tiers, or give count one range such as 1-5");
    }

    @Test
    void aCountThatMissesATier() {
        assertRefused("tables:\n  owners: {tiers: {a: 1, b: 1}}\n  pets:\n    per: owner_id\n    count: {a: 1-3}\n",
                "Generator config gen.yaml, line 5, key tables.pets.count: count gives no range for tier 'b' of "
                + "public.owners; give one for each of a, b");
    }

    @Test
    void aFanOutPerATableReferencedTwiceNeedsTheColumn() {
        assertRefused("tables:\n  pets:\n    per: owners\n    count: 1-3\n", "Generator config gen.yaml, line 3, key "
                + "tables.pets.per: public.pets references public.owners through several foreign keys ([owner_id], "
                + "[passport_owner]); name the column, e.g. per: owner_id");
    }

    @Test
    void anUnknownFakerExpression() {
        assertThatThrownBy(() -> generate("tables:\n  owners:\n    columns:\n      name: {faker: Name.nickName}\n"))
                .hasMessageStartingWith("Generator config gen.yaml, line 4, key tables.owners.columns.name.faker: "
                        + "Datafaker cannot make 'Name.nickName': ");
    }

    @Test
    void aFakerRuleWithoutDatafakerNamesTheDependency() {
        YamlNode node = YamlNode.scalar("gen.yaml", YamlNode.Kind.STRING, "Name.firstName", 7,
                "tables.t.columns.c.faker");
        ClassLoader withoutDatafaker = new ClassLoader(null) { };

        assertThatThrownBy(() -> RuleCompiler.requireDatafaker(node, withoutDatafaker))
                .hasMessage("Generator config gen.yaml, line 7, key tables.t.columns.c.faker: faker rules need "
                        + "Datafaker on the class path, which is optional for Seedkit: add the dependency "
                        + "net.datafaker:datafaker:2.7.0 (Gradle: implementation(\"net.datafaker:datafaker:2.7.0\")), "
                        + "or use pattern or pick instead; the seedkit command line includes it");
    }

    @Test
    void tablesThatHoldRowsAreNotGeneratedIntoWithoutReplace() throws Exception {
        database.execute("insert into owners (id, name, discount) values (1, 'x', 5)");
        try {
            assertThatThrownBy(() -> generate("tables:\n  owners: {rows: 3}\n  pets: {rows: 2}\n"))
                    .hasMessage("Generation refused, nothing was written: public.owners already holds rows, and "
                            + "generating into them would mix two generations (and break on duplicate keys). Empty "
                            + "them first with replace (seedkit generate --replace, "
                            + "DataGenerator.Builder.replace(true))"
                            + ", generate into an empty database, or mark tables to keep with existing: true in the "
                            + "config.");
            try (Connection c = database.connect()) {
                GenerationReport report = DataGenerator.builder(GeneratorConfig.parse("tables:\n  owners: {rows: 3}\n"
                        + "  pets: {rows: 2}\n", "gen.yaml")).replace(true).build().generate(c);
                assertThat(report.rows()).isEqualTo(5);
            }
            assertThat(database.queryValue("select count(*) from owners")).isEqualTo("3");
        } finally {
            database.execute("truncate owners, pets");
        }
    }

    private static void assertRefused(String yaml, String message) {
        assertThatThrownBy(() -> generate(yaml)).isInstanceOf(SeedException.class).hasMessage(message);
        try {
            assertThat(database.queryValue("select count(*) from owners")).isEqualTo("0");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static GenerationReport generate(String yaml) throws Exception {
        try (Connection c = database.connect()) {
            return DataGenerator.builder(GeneratorConfig.parse(yaml, "gen.yaml")).build().generate(c);
        }
    }
}
