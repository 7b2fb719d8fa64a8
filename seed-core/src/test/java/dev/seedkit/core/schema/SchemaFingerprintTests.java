package dev.seedkit.core.schema;

import static dev.seedkit.core.schema.SchemaFixture.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.postgres.testing.TestDatabase;
import dev.seedkit.postgres.testing.TestPostgres;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPostgres.class)
class SchemaFingerprintTests {

    private static final String SHAPE = "create table %1$s.customers (id int primary key, name text not null);"
            + "create table %1$s.orders (id int generated always as identity primary key,"
            + " customer_id int references %1$s.customers, total numeric(10,2) default 0, unique (customer_id, id));";

    @Test
    void isTheSameForTwoReadsAndForTheSameShapeBuiltTwice(TestDatabase db) throws Exception {
        db.execute("create schema fp_same_a; create schema fp_same_b;" + String.format(SHAPE, "fp_same_a"));

        String first = read(db, "fp_same_a").fingerprint();
        String second = read(db, "fp_same_a").fingerprint();

        assertThat(first).hasSize(64).matches("[0-9a-f]{64}").isEqualTo(second);
        assertThat(read(db, "fp_same_b").fingerprint()).isNotEqualTo(first);
    }

    @Test
    void changesWhenAColumnTypeChanges(TestDatabase db) throws Exception {
        db.execute("create schema fp_type;" + String.format(SHAPE, "fp_type"));
        String before = read(db, "fp_type").fingerprint();

        db.execute("alter table fp_type.orders alter column total type numeric(12,2)");

        assertThat(read(db, "fp_type").fingerprint()).isNotEqualTo(before);
    }

    @Test
    void changesWithColumnOrderNullabilityKeysAndForeignKeys(TestDatabase db) throws Exception {
        db.execute("create schema fp_shape;" + String.format(SHAPE, "fp_shape"));
        String before = read(db, "fp_shape").fingerprint();
        List<String> changes = List.of(
                "alter table fp_shape.customers add column email text",
                "alter table fp_shape.customers drop column name, add column name text not null",
                "alter table fp_shape.customers alter column name drop not null",
                "alter table fp_shape.orders drop constraint orders_customer_id_id_key",
                "alter table fp_shape.orders drop constraint orders_customer_id_fkey");
        for (String change : changes) {
            db.execute(change);
            String after = read(db, "fp_shape").fingerprint();
            assertThat(after).as(change).isNotEqualTo(before);
            before = after;
        }
    }

    @Test
    void ignoresDefaultsCommentsNamesAndVirtualForeignKeys(TestDatabase db) throws Exception {
        db.execute("create schema fp_same;" + String.format(SHAPE, "fp_same"));
        Schema schema = read(db, "fp_same");

        db.execute("alter table fp_same.orders alter column total set default 1;"
                + "comment on table fp_same.orders is 'orders';"
                + "alter table fp_same.orders rename constraint orders_customer_id_fkey to orders_customer;");

        assertThat(read(db, "fp_same").fingerprint()).isEqualTo(schema.fingerprint());
        assertThat(schema.withVirtualForeignKeys(List.of(VirtualForeignKey.parse(
                "fp_same.customers(id) -> fp_same.orders(id)"))).fingerprint()).isEqualTo(schema.fingerprint());
    }
}
