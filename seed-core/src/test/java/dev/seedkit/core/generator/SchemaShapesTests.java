package dev.seedkit.core.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestDatabase;
import dev.seedkit.postgres.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generation into a schema with every shape the issue names: a self-reference, a two-table NOT NULL cycle through a
 * DEFERRABLE key, a nullable cycle (NULL-then-UPDATE without triggers off), composite primary and foreign keys, an
 * enum, a domain with a check, jsonb, arrays, numeric scale, checks (range, IN list, column comparison), a partial
 * expression unique index, generated and identity columns. The database enforces checks, NOT NULL and unique keys
 * as rows arrive; the generator's orphan check (or, with triggers on, the database) enforces foreign keys.
 */
@ExtendWith(TestPostgres.class)
class SchemaShapesTests {

    static final String SCHEMA = """
            create type mood as enum ('happy', 'sad', 'calm');
            create domain positive_int as integer check (value > 0);
            create table categories (id int primary key, parent_id int references categories, name text not null);
            create table teams (id int generated always as identity primary key, name varchar(12) not null unique,
                lead_id int not null);
            create table members (id int primary key, team_id int not null references teams,
                mood mood not null, tags text[] not null, moods mood[], prefs jsonb, level positive_int not null,
                code char(3) not null unique, score numeric(5,2) not null check (score between 0 and 100),
                status text not null check (status in ('a', 'b', 'c')), email text,
                label text generated always as (code || '-' || status) stored,
                joined_on date not null, left_on date, check (left_on > joined_on));
            alter table teams add constraint teams_lead_fkey foreign key (lead_id) references members
                deferrable initially immediate;
            create unique index members_email_lower on members (lower(email)) where email is not null;
            create table memberships (team_id int references teams, member_id int references members,
                role mood not null, since date not null, primary key (team_id, member_id));
            create table member_notes (id uuid primary key, team_id int not null, member_id int not null,
                note text, foreign key (team_id, member_id) references memberships);
            create table departments (id serial primary key, name text not null, manager_id int);
            create table employees (id serial primary key, department_id int not null references departments,
                category_id int references categories);
            alter table departments add constraint departments_manager_fkey foreign key (manager_id)
                references employees;
            """;

    static final String CONFIG = """
            seed: 7
            tables:
              categories:
                rows: 40
                columns:
                  parent_id: {parent: earlier, null: 0.2}
              teams: {rows: 12}
              members:
                per: teams
                count: 3-8
                columns:
                  email: {pick: [Ada@Example.com, ada@example.com, grace@example.com], null: 0.3}
                  tags: {array: {size: 1-3, of: {pick: [red, "has space", "quo\\"te", "{brace}"]}}}
                  prefs:
                    json:
                      theme: {pick: [light, dark]}
                      limit: {range: 1-10}
                      beta: {chance: 0.5}
              memberships: {rows: 60}
              member_notes: {rows: 80}
              departments: {rows: 10}
              employees: {rows: 50}
            """;

    static TestDatabase database;
    static GenerationReport report;

    @BeforeAll
    static void generate(TestDatabase db) throws Exception {
        database = db;
        db.execute(SCHEMA);
        try (Connection c = db.connect()) {
            report = generator(true).generate(c);
        }
    }

    static DataGenerator generator(boolean triggersOff) {
        return DataGenerator.builder(GeneratorConfig.parse(CONFIG, "shapes.yaml")).triggersOffAllowed(triggersOff)
                .build();
    }

    @Test
    void everyTableGetsItsRowsAndEveryForeignKeyResolves() {
        assertThat(report.ok()).isTrue();
        assertThat(report.triggersOff()).isTrue();
        assertThat(report.foreignKeys()).extracting(GenerationReport.ForeignKeyCheck::name).contains(
                "teams_lead_fkey", "member_notes_team_id_member_id_fkey", "departments_manager_fkey");
        assertThat(report.rows("public.categories")).isEqualTo(40);
        assertThat(report.rows("public.memberships")).isEqualTo(60);
        assertThat(report.rows("public.members")).isBetween(36L, 96L);
    }

    @Test
    void theSelfReferencePointsAtEarlierRows() throws SQLException {
        assertThat(count("select count(*) from categories where parent_id >= id")).isZero();
        assertThat(count("select count(*) from categories where parent_id is null")).isBetween(1L, 20L);
    }

    @Test
    void valuesStayInsideChecksEnumsDomainsAndScales() throws SQLException {
        assertThat(count("select count(*) from members where score < 0 or score > 100 or level <= 0"
                + " or status not in ('a', 'b', 'c') or left_on <= joined_on")).isZero();
        assertThat(count("select count(distinct mood) from members")).isEqualTo(3);
        assertThat(count("select count(*) from members where scale(score) <> 2")).isZero();
        assertThat(count("select count(*) from members where left_on is not null")).isPositive();
        assertThat(count("select count(*) from members where label <> code || '-' || status")).isZero();
    }

    @Test
    void jsonAndArraysAreWellFormedAndTemplated() throws SQLException {
        assertThat(count("select count(*) from members where prefs is not null and (prefs->>'theme' not in"
                + " ('light', 'dark') or jsonb_typeof(prefs->'limit') <> 'number'"
                + " or jsonb_typeof(prefs->'beta') <> 'boolean')")).isZero();
        assertThat(count("select count(*) from members where cardinality(tags) not between 1 and 3")).isZero();
        assertThat(count("select count(*) from members where 'quo\"te' = any(tags) or '{brace}' = any(tags)"))
                .isPositive();
        assertThat(count("select count(*) from members where moods is not null and cardinality(moods) > 0"))
                .isPositive();
    }

    @Test
    void uniqueKeysHoldByConstructionIncludingCompositeAndPartialExpressionOnes() throws SQLException {
        assertThat(count("select count(*) from memberships")).isEqualTo(60);
        assertThat(count("select count(distinct (team_id, member_id)) from memberships")).isEqualTo(60);
        assertThat(count("select count(email) - count(distinct lower(email)) from members")).isZero();
        assertThat(count("select count(*) from members where email like '%+%@example.com'")).isPositive();
        assertThat(count("select count(distinct code) - count(*) from members")).isZero();
    }

    @Test
    void theSameDataComesOutWithTriggersOnThroughDeferredAndNullThenUpdate(PostgresServer server,
            @TempDir Path dir) throws Exception {
        try (ScratchDatabase off = ScratchDatabase.create(server, SCHEMA);
             ScratchDatabase on = ScratchDatabase.create(server, SCHEMA)) {
            GenerationReport withTriggersOff = off.generate(generator(true));
            GenerationReport withTriggersOn = on.generate(generator(false));

            assertThat(withTriggersOff.triggersOff()).isTrue();
            assertThat(withTriggersOn.triggersOff()).isFalse();
            assertThat(withTriggersOn.plan()).contains("DEFERRED", "NULL_THEN_UPDATE");
            Map<String, byte[]> first = off.export(dir.resolve("off"));
            Map<String, byte[]> second = on.export(dir.resolve("on"));
            assertThat(second.keySet()).containsExactlyElementsOf(first.keySet());
            first.forEach((file, bytes) -> assertThat(second.get(file)).as(file).isEqualTo(bytes));
        }
    }

    @Test
    void sequencesAndIdentitiesContinueAfterTheGeneratedIds() throws SQLException {
        long team = count("select nextval(pg_get_serial_sequence('teams', 'id'))");
        long department = count("select nextval(pg_get_serial_sequence('departments', 'id'))");

        assertThat(team).isGreaterThan(count("select max(id) from teams"));
        assertThat(department).isGreaterThan(count("select max(id) from departments"));
    }

    private static long count(String sql) throws SQLException {
        return Long.parseLong(database.queryValue(sql));
    }
}
