package dev.seedkit.core.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.core.schema.TableName;
import dev.seedkit.postgres.testing.TestDatabase;
import dev.seedkit.postgres.testing.TestPostgres;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The subset's size follows the request, not the source: on the shape of the examples' demo database (users
 * created by earlier users, in chains; users and instructors referencing each other), the same request on a copy
 * ten times bigger gives about as many rows, and no table gets much more than its limit. The data is generated so
 * that it does not repeat across sizes: instructors reference the newest users, whose creator chains grow deeper
 * with the table, so taking the first rows by key and then their ancestors would grow with the source.
 */
@ExtendWith(TestPostgres.class)
class CompactSelectionTests {

    private static final String SHAPE = "create table {s}.users (id bigint primary key, created_by bigint"
            + " references {s}.users, instructor_id int, email text not null);"
            + " create index on {s}.users (created_by); create index on {s}.users (instructor_id);"
            + " create table {s}.instructors (id int primary key, user_id bigint not null unique references"
            + " {s}.users); alter table {s}.users add foreign key (instructor_id) references {s}.instructors;"
            + " create table {s}.courses (id int primary key, instructor_id int not null references"
            + " {s}.instructors); create table {s}.purchases (id int primary key, user_id bigint not null"
            + " references {s}.users)";

    @TempDir
    Path dir;

    @Test
    void tenTimesTheSourceGivesAboutTheSameSubsetAndUsersStayWithinTwiceTheirLimit(TestDatabase db)
            throws Exception {
        ExportReport small = export(db, "compact_small", 2_000);
        ExportReport large = export(db, "compact_large", 20_000);

        assertThat((double) large.rows()).as("rows at 20k users against %d at 2k", small.rows())
                .isBetween(small.rows() * 0.9, small.rows() * 1.1);
        for (ExportReport report : new ExportReport[] {small, large}) {
            assertThat(report.tables()).allSatisfy(t -> assertThat(t.rows()).as(t.table().toString())
                    .isBetween(1L, 200L));
        }
        assertThat(large.table(TableName.of("compact_large", "users")).orElseThrow().rowsPulledInAsParents())
                .as("no creator chain or instructor pulls users in").isZero();
    }

    @Test
    void theCompactChoiceIsTheSameOnEveryRun(TestDatabase db) throws Exception {
        ExportFixture f = fixture(db, "compact_again", 3_000);
        f.export(100, dir.resolve("first"));
        List<String> first = f.loaded("users", "id");
        f.data("update {s}.users set email = email where id % 3 = 0");
        f.export(100, dir.resolve("second"));
        assertThat(f.loaded("users", "id")).isEqualTo(first).hasSize(100);
    }

    @Test
    void anInstructorAndTheUserWhoIsThatInstructorComeInTogetherRatherThanAChainOfInstructors(TestDatabase db)
            throws Exception {
        // Users 1-200 are roots without an instructor. Instructor i is user 500 + i; for i <= 50 that user
        // references instructor i + 1 (a chain through the cycle), for i > 50 instructor i itself (a pair).
        ExportFixture f = ExportFixture.create(db, "pairs", SHAPE).data("insert into {s}.users select n, null,"
                + " null, 'u' || n || '@x.example' from generate_series(1, 700) n;"
                + " insert into {s}.instructors select i, 500 + i from generate_series(1, 100) i;"
                + " update {s}.users set instructor_id = case when id - 500 <= 50 then id - 499 else id - 500 end"
                + " where id between 501 and 600; analyze");

        ExportReport report = f.export(10, dir.resolve("pairs"));

        ExportReport.TableReport instructors = report.table(TableName.of("pairs", "instructors")).orElseThrow();
        ExportReport.TableReport users = report.table(TableName.of("pairs", "users")).orElseThrow();
        assertThat(f.loaded("instructors", "id")).as("the first ten instructors that pair with their user")
                .containsExactly("51", "52", "53", "54", "55", "56", "57", "58", "59", "60");
        assertThat(instructors.rowsPulledInAsParents()).isZero();
        assertThat(users.rowsSelectedByLimit()).isEqualTo(10);
        assertThat(users.pulledIn()).extracting(ExportReport.PulledIn::foreignKey, ExportReport.PulledIn::rows)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("instructors_user_id_fkey", 10L));
    }

    private ExportReport export(TestDatabase db, String schema, int users) throws Exception {
        ExportFixture f = fixture(db, schema, users);
        return f.export(100, dir.resolve(schema));
    }

    /**
     * {@code users} users: the first ten created by nobody, then 85% created by an earlier user; one instructor
     * per 10 users, the i-th referencing the user {@code users - 10 i + 1}; every third user has an instructor;
     * two courses per instructor and two purchases per user, spread over the whole table.
     */
    private static ExportFixture fixture(TestDatabase db, String schema, int users) throws Exception {
        int instructors = users / 10;
        return ExportFixture.create(db, schema, SHAPE).data("insert into {s}.users select n,"
                + " case when n > 10 and (n * 2654435761) % 1000003 % 100 < 85"
                + " then 1 + (n * 40503) % 1000033 % (n - 1) end, null, 'u' || n || '@x.example'"
                + " from generate_series(1, " + users + ") n;"
                + " insert into {s}.instructors select i, " + users + " - 10 * i + 1 from generate_series(1, "
                + instructors + ") i;"
                + " update {s}.users set instructor_id = 1 + (id * 31) % " + instructors + " where id % 3 = 0;"
                + " insert into {s}.courses select c, 1 + c % " + instructors + " from generate_series(1, "
                + 2 * instructors + ") c;"
                + " insert into {s}.purchases select p, 1 + (p * 7919) % " + users
                + " from generate_series(1, " + 2 * users + ") p; analyze");
    }
}
