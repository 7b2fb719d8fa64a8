package dev.seedkit.core.exporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.SeedException.Code;
import dev.seedkit.postgres.testing.TestDatabase;
import dev.seedkit.postgres.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Masked columns: pseudonyms are computed in the database, are the same on every export with the same secret,
 * keep unique keys unique and equal values equal (so joins still match), and key columns cannot be masked.
 */
@ExtendWith(TestPostgres.class)
class MaskingTests {

    private static final String PEOPLE = "create table {s}.users (id int primary key, email text not null unique,"
            + " name text, phone varchar(20), score int);"
            + " create table {s}.orders (id int primary key, user_id int not null references {s}.users,"
            + " contact_email text)";
    private static final String DATA = "insert into {s}.users select g, 'person' || g || '@real.example', 'Real Name '"
            + " || g, '+43 660 12345' || g, g from generate_series(1, 30) g; update {s}.users set name = null where"
            + " id = 2; insert into {s}.orders values (1, 3, 'person3@real.example'), (2, 1, null)";

    @TempDir
    Path dir;

    @Test
    void maskedValuesArePseudonymsThatKeepUniqueKeysAndEqualValues(TestDatabase db) throws Exception {
        ExportFixture f = ExportFixture.create(db, "masked", PEOPLE).data(DATA);
        f.export(masking(f, "s3cret").rowsPerTable(30), dir);
        List<String> emails = f.loaded("users", "email");
        assertThat(emails).hasSize(30).doesNotHaveDuplicates()
                .allMatch(e -> e.matches("user-[0-9a-f]{16}@example\\.com"));
        assertThat(f.loaded("users", "name")).containsOnlyOnce((String) null)
                .filteredOn(n -> n != null).allMatch(n -> n.matches("[A-Z][a-z]{9} [A-Z][a-z]{9}"));
        assertThat(f.loaded("users", "phone")).allMatch(p -> p.matches("\\+00 000 \\d{4}"));
        assertThat(db.queryValue("select u.id from masked_copy.users u join masked_copy.orders o"
                + " on o.contact_email = u.email")).as("equal values stay equal").isEqualTo("3");
        assertThat(Files.readString(dir.resolve("masked.users.tsv"))).doesNotContain("real.example", "Real Name");
    }

    @Test
    void theSameSecretGivesTheSamePseudonymsAndAnotherSecretOthers(TestDatabase db) throws Exception {
        ExportFixture f = ExportFixture.create(db, "determ", PEOPLE).data(DATA);
        f.export(masking(f, "one"), dir.resolve("a"));
        f.export(masking(f, "one"), dir.resolve("b"));
        f.export(masking(f, "two"), dir.resolve("c"));
        String first = Files.readString(dir.resolve("a/determ.users.tsv"));
        assertThat(Files.readString(dir.resolve("b/determ.users.tsv"))).isEqualTo(first);
        assertThat(Files.readString(dir.resolve("c/determ.users.tsv"))).isNotEqualTo(first)
                .startsWith("id\temail\tname\tphone\tscore\n1\tuser-");
    }

    @Test
    void keyColumnsCannotBeMasked(TestDatabase db) throws Exception {
        ExportFixture.create(db, "keys", PEOPLE + "; create table {s}.subscriptions (id int primary key,"
                + " email text references {s}.users (email))");
        assertThat(failure(db, "keys", "keys.users.id", Masking.TEXT)).hasMessage("Column keys.users.id cannot be "
                + "masked with Masking.TEXT: it is part of the primary key users_pkey [id], and masked keys would no "
                + "longer match the rows that reference them. Mask only columns outside keys.");
        assertThat(failure(db, "keys", "keys.orders.user_id", Masking.sql("0"))).hasMessage("Column "
                + "keys.orders.user_id cannot be masked with Masking.sql(0): it belongs to foreign key "
                + "orders_user_id_fkey: "
                + "keys.orders(user_id) -> keys.users(id), and masked values would no longer match their parent rows."
                + " Mask only columns outside foreign keys.");
        assertThat(failure(db, "keys", "keys.users.email", Masking.EMAIL)).hasMessage("Column keys.users.email "
                + "cannot be masked with Masking.EMAIL: it belongs to foreign key subscriptions_email_fkey: "
                + "keys.subscriptions(email) -> keys.users(email), and masked values would no longer match their "
                + "parent rows. Mask only columns outside foreign keys.");
    }

    @Test
    void maskingsThatDoNotFitTheColumnAreRefused(TestDatabase db) throws Exception {
        ExportFixture.create(db, "fit", PEOPLE);
        assertThat(failure(db, "fit", "fit.users.score", Masking.NAME)).hasMessage("Column fit.users.score cannot be "
                + "masked with Masking.NAME: it applies to text-like columns, and the column's type is integer. Mask "
                + "it with Masking.sql(EXPRESSION) (an expression of that type) or Masking.NULL instead.");
        assertThat(failure(db, "fit", "fit.users.email", Masking.NULL)).hasMessage("Column fit.users.email cannot be "
                + "masked with Masking.NULL: the column is NOT NULL. Mask it with Masking.TEXT or "
                + "Masking.sql(EXPRESSION) instead.");
    }

    @Test
    void aMaskingThatGivesRowsOneValueOfAUniqueKeyIsRefusedBeforeAnythingIsWritten(TestDatabase db) throws Exception {
        ExportFixture.create(db, "constant", PEOPLE).data(DATA);
        Path target = dir.resolve("constant");

        SeedException e = failure(db, "constant", "constant.users.email", Masking.sql("'x@example.com'"));

        assertThat(e.code()).isEqualTo(Code.CONFIGURATION);
        assertThat(e).hasMessage("Masking constant.users.email with Masking.sql('x@example.com') makes 30 of the 30 "
                + "exported rows of constant.users share their value of unique key users_email_key [email], so the "
                + "snapshot could never be imported; nothing was written. Change the masking (mask) to one that "
                + "keeps values distinct: Masking.EMAIL, Masking.NAME or Masking.TEXT (pseudonyms keyed with the "
                + "masking secret), or Masking.sql(EXPRESSION) with an expression of {column} that differs per row.");
        assertThat(target).doesNotExist();
        try (var entries = Files.list(dir)) {
            assertThat(entries.toList()).as("no staging directory left behind").isEmpty();
        }
    }

    @Test
    void anSqlMaskingThatKeepsAUniqueKeyUniqueIsAccepted(TestDatabase db) throws Exception {
        ExportFixture f = ExportFixture.create(db, "distinct", PEOPLE).data(DATA);

        f.export(f.builder().mask(f.table("users") + ".email", Masking.sql("'u' || {column}")), dir);

        assertThat(f.loaded("users", "email")).hasSize(30).doesNotHaveDuplicates().allMatch(v -> v.startsWith("u"));
    }

    @Test
    void anSqlMaskingThatFailsInTheDatabaseSaysWhichTable(TestDatabase db) throws Exception {
        ExportFixture.create(db, "badmask", PEOPLE).data(DATA);
        SeedException e = failure(db, "badmask", "badmask.users.phone", Masking.sql("({column})::int::text"));
        assertThat(e.code()).isEqualTo(Code.DATABASE);
        assertThat(e.getMessage()).startsWith("The export failed while writing the rows of badmask.users: ERROR: "
                + "invalid input syntax for type integer").contains("If the message is about an expression, check "
                + "the Masking.sql(EXPRESSION) maskings of its columns.");
    }

    private static SnapshotExporter.Builder masking(ExportFixture f, String secret) {
        return f.builder().maskingSecret(secret).mask(f.table("users") + ".email", Masking.EMAIL)
                .mask(f.table("orders") + ".contact_email", Masking.EMAIL)
                .mask(f.table("users") + ".name", Masking.NAME)
                .mask(f.table("users") + ".phone", Masking.sql("'+00 000 ' || pg_catalog.right({column}, 4)"));
    }

    private SeedException failure(TestDatabase db, String schema, String column, Masking masking) throws Exception {
        try (Connection c = db.connect()) {
            SeedException e = catchThrowableOfType(SeedException.class, () -> SnapshotExporter.builder()
                    .includeSchemas(schema).mask(column, masking).build().export(c, dir.resolve(schema)));
            assertThat(e).as("the export's failure").isNotNull();
            return e;
        }
    }
}
