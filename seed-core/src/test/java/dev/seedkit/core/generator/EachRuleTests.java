package dev.seedkit.core.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.postgres.testing.TestDatabase;
import dev.seedkit.postgres.testing.TestPostgres;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code each} on a unique column: its values as written while none comes round again, made distinct after. */
@ExtendWith(TestPostgres.class)
class EachRuleTests {

    @Test
    void aLookupTableKeepsItsNamesWhenEachValueIsUsedOnce(TestDatabase db) throws Exception {
        assertThat(generate(db, 3)).containsExactly("admin", "support", "read only");
    }

    @Test
    void valuesThatComeRoundAgainAreMadeDistinct(TestDatabase db) throws Exception {
        assertThat(generate(db, 4)).containsExactly("admin 1", "support 2", "read only 3", "admin 4");
    }

    private static List<String> generate(TestDatabase db, int rows) throws Exception {
        String schema = "each_" + rows;
        db.execute("create schema " + schema + "; create table " + schema
                + ".roles (id serial primary key, name text not null unique)");
        String config = "schemas: " + schema + "\ntables:\n  roles:\n    rows: " + rows + "\n    columns:\n"
                + "      name: {each: [admin, support, read only]}\n";
        try (Connection c = db.connect()) {
            DataGenerator.builder(GeneratorConfig.parse(config, "each.yaml")).build().generate(c);
        }
        return db.query("select name from " + schema + ".roles order by id").stream().map(row -> row.get(0)).toList();
    }
}
