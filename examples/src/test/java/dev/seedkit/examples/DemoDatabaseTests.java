package dev.seedkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestDatabase;
import dev.seedkit.postgres.testing.TestPostgres;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(TestPostgres.class)
class DemoDatabaseTests {

    private static final int SCALE = 300;
    private static final DemoDatabase DEMO = DemoDatabase.ofScale(SCALE).withSeed(7);

    private static final List<String> TABLES = List.of(
            "public.account_stats", "public.breach_activities", "public.challenge_settings", "public.courses",
            "public.discount_codes", "public.elements", "public.instructors", "public.payout_requests",
            "public.permissions", "public.platform_events", "public.platform_groups", "public.project_members",
            "public.project_tasks", "public.projects", "public.purchases", "public.role_permissions", "public.roles",
            "public.trading_accounts", "public.user_roles", "public.users",
            "audit.login_events", "audit.record_changes");

    /** The values of {@code awkward_text} in 1-prepare.sql, except NULL. */
    private static final List<String> AWKWARD_TEXTS = List.of(
            "", "tab\tseparated\tvalue", "first line\nsecond line", "windows line\r\nending",
            "back\\slash in C:\\temp\\new", "\\N", "NULL", "it's \"quoted\"", "🚀 emoji, 👩‍💻 and ünïcödé — 中文",
            "  leading and trailing spaces  ", "{\"looks\": \"like json\", \"but\": \"is text\"}",
            "\\t is a backslash and a t, not a tab", "a,b;c|d");

    @BeforeAll
    static void buildTheDemoDatabase(TestDatabase db) throws SQLException {
        try (Connection connection = db.connect()) {
            DEMO.build(connection);
        }
    }

    @Test
    void migrationsAloneCreateEveryTableEmpty(PostgresServer server) throws SQLException {
        try (ScratchDatabase scratch = ScratchDatabase.create(server); Connection connection = scratch.connect()) {
            DemoDatabase.migrate(connection);

            Map<String, Long> counts = DemoDatabase.rowCounts(connection);

            assertThat(counts.keySet()).containsExactlyElementsOf(TABLES);
            assertThat(counts.values()).containsOnly(0L);
        }
    }

    @Test
    void buildingKeepsEveryConstraintAndIndexOfTheMigrations(TestDatabase db, PostgresServer server)
            throws SQLException {
        try (ScratchDatabase scratch = ScratchDatabase.create(server); Connection schemaOnly = scratch.connect();
             Connection built = db.connect()) {
            DemoDatabase.migrate(schemaOnly);

            assertThat(constraintsAndIndexes(built)).hasSizeGreaterThan(60)
                    .containsExactlyElementsOf(constraintsAndIndexes(schemaOnly));
        }
    }

    @Test
    void everyMigrationOnTheClasspathIsApplied() throws IOException, URISyntaxException {
        Path directory = Path.of(getClass().getClassLoader().getResource("db/migration").toURI());
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(file -> "db/migration/" + file.getFileName()).sorted())
                    .containsExactlyElementsOf(DemoDatabase.migrations());
        }
    }

    @Test
    void everyTableHasRows(TestDatabase db) throws SQLException {
        try (Connection connection = db.connect()) {
            Map<String, Long> counts = DemoDatabase.rowCounts(connection);

            assertThat(counts.keySet()).containsExactlyElementsOf(TABLES);
            assertThat(counts).allSatisfy((table, rows) -> assertThat(rows).as(table).isPositive());
            assertThat(counts).containsEntry("public.users", (long) SCALE)
                    .containsEntry("public.trading_accounts", 2L * SCALE)
                    .containsEntry("public.platform_events", 20L * SCALE);
        }
    }

    @Test
    void instructorsAndTheirUsersReferenceEachOther(TestDatabase db) throws SQLException {
        long selfCoached = count(db, "select count(*) from instructors i join users u on u.id = i.user_id"
                + " where u.instructor_id = i.id");
        long uncoached = count(db, "select count(*) from instructors i join users u on u.id = i.user_id"
                + " where u.instructor_id is null");

        assertThat(selfCoached).isPositive();
        assertThat(uncoached).isZero();
    }

    @Test
    void everyCourseAndItsRootElementReferenceEachOther(TestDatabase db) throws SQLException {
        long mismatched = count(db, "select count(*) from courses c left join elements e on e.id = c.root_element_id"
                + " where e.course_id is distinct from c.id or e.parent_id is not null");

        String rootReference = db.queryValue("select pg_get_constraintdef(oid) from pg_constraint"
                + " where conname = 'courses_root_element_id_fkey'");

        assertThat(count(db, "select count(*) from courses")).isPositive();
        assertThat(mismatched).isZero();
        assertThat(rootReference).endsWith("DEFERRABLE INITIALLY DEFERRED");
    }

    @Test
    void everyElementTreeIsAtLeastFiveLevelsDeep(TestDatabase db) throws SQLException {
        long shallowestTree = count(db, """
                with recursive tree (course_id, id, depth) as (
                    select course_id, id, 1 from elements where parent_id is null
                    union all
                    select e.course_id, e.id, tree.depth + 1 from elements e join tree on e.parent_id = tree.id)
                select min(depth) from (select course_id, max(depth) as depth from tree group by course_id) trees""");

        assertThat(shallowestTree).isGreaterThanOrEqualTo(5);
    }

    @Test
    void usersAreCreatedByEarlierUsersInChains(TestDatabase db) throws SQLException {
        long createdByLaterUsers = count(db, "select count(*) from users where created_by >= id");
        long longestChain = count(db, """
                with recursive chain (id, created_by, length) as (
                    select id, created_by, 1 from users
                    union all
                    select chain.id, u.created_by, chain.length + 1 from chain join users u on u.id = chain.created_by)
                select max(length) from chain""");

        assertThat(createdByLaterUsers).isZero();
        assertThat(longestChain).isGreaterThanOrEqualTo(4);
    }

    @Test
    void theVirtualPurchaseReferenceHasNoConstraintButAlwaysResolves(TestDatabase db) throws SQLException {
        long constraints = count(db, "select count(*) from pg_constraint where contype = 'f'"
                + " and conrelid = 'platform_events'::regclass and conkey = array[(select attnum from pg_attribute"
                + " where attrelid = 'platform_events'::regclass and attname = 'correlation_purchase_id')]");
        long references = count(db, "select count(correlation_purchase_id) from platform_events");
        long unresolved = count(db, "select count(*) from platform_events e where correlation_purchase_id is not null"
                + " and not exists (select from purchases p where p.id = e.correlation_purchase_id)");

        assertThat(constraints).isZero();
        assertThat(references).isPositive();
        assertThat(unresolved).isZero();
    }

    @Test
    void purchasesReferenceDiscountCodesByTheirUniqueCode(TestDatabase db) throws SQLException {
        String referencedColumns = db.queryValue("select string_agg(a.attname, ',') from pg_constraint c"
                + " join pg_attribute a on a.attrelid = c.confrelid and a.attnum = any (c.confkey)"
                + " where c.conrelid = 'purchases'::regclass and c.confrelid = 'discount_codes'::regclass");

        assertThat(referencedColumns).isEqualTo("code");
        assertThat(count(db, "select count(discount_code) from purchases")).isPositive();
    }

    @ParameterizedTest(name = "{0}.{1}")
    @CsvSource({
            "users, created_by", "users, instructor_id", "purchases, discount_code", "trading_accounts, purchase_id",
            "challenge_settings, account_id", "projects, parent_project_id", "project_tasks, assignee_id",
            "audit.login_events, user_id", "audit.record_changes, changed_by"})
    void nullableForeignKeysAreSometimesNullAndSometimesSet(String table, String column, TestDatabase db)
            throws SQLException {
        assertThat(count(db, "select count(*) from " + table + " where " + column + " is null")).isPositive();
        assertThat(count(db, "select count(" + column + ") from " + table)).isPositive();
    }

    @ParameterizedTest(name = "{0}.{2} -> {3}")
    @CsvSource({
            "trading_accounts, id, user_id, users, id",
            "purchases, id, user_id, users, id",
            "platform_events, id, account_id, trading_accounts, id",
            "breach_activities, id, account_id, trading_accounts, id",
            "project_members, project_id, user_id, users, id"})
    void theFirstHundredChildrenNeedParentsBeyondTheFirstHundred(String child, String childKey, String column,
            String parent, String parentKey, TestDatabase db) throws SQLException {
        long beyond = count(db, "select count(*) from (select " + column + " as ref from " + child + " order by "
                + childKey + " limit 100) c where c.ref > (select max(" + parentKey + ") from (select " + parentKey
                + " from " + parent + " order by " + parentKey + " limit 100) p)");

        assertThat(beyond).isPositive();
    }

    @ParameterizedTest(name = "{0}.{2} -> {3}")
    @CsvSource({
            "trading_accounts, id, user_id, users, id",
            "platform_events, id, account_id, trading_accounts, id",
            "elements, id, parent_id, elements, id"})
    void someParentsAreReferencedOnlyBeyondTheFirstHundredChildren(String child, String childKey, String column,
            String parent, String parentKey, TestDatabase db) throws SQLException {
        long lateOnly = count(db, "select count(*) from " + parent + " p where exists (select from " + child
                + " c where c." + column + " = p." + parentKey + ") and p." + parentKey + " not in (select " + column
                + " from (select " + column + " from " + child + " order by " + childKey + " limit 100) f where "
                + column + " is not null)");

        assertThat(lateOnly).isPositive();
    }

    @Test
    void textColumnsAndJsonStringsHoldEveryAwkwardValue(TestDatabase db) throws SQLException {
        List<String> texts = column(db, "select bio from users union select body from elements"
                + " union select note from payout_requests union select user_agent from audit.login_events"
                + " union select description from discount_codes");
        List<String> jsonStrings = column(db, "select payload #>> '{}' from platform_events"
                + " where jsonb_typeof(payload) = 'string'");

        assertThat(texts).containsAll(AWKWARD_TEXTS).contains((String) null);
        assertThat(jsonStrings).containsAll(AWKWARD_TEXTS);
    }

    @Test
    void jsonNullArraysWithNullsAndEnumArraysAreAllPresent(TestDatabase db) throws SQLException {
        assertThat(count(db, "select count(*) from platform_events where payload is null")).isPositive();
        assertThat(count(db, "select count(*) from platform_events where payload = 'null'::jsonb")).isPositive();
        assertThat(count(db, "select count(*) from users where tags = '{}'")).isPositive();
        assertThat(count(db, "select count(*) from users where array_position(tags, null) is not null")).isPositive();
        assertThat(count(db, "select count(*) from trading_accounts where cardinality(allowed_platforms) > 1"))
                .isPositive();
        assertThat(count(db, "select count(*) from project_tasks where status = 'in progress'")).isPositive();
        assertThat(count(db, "select count(*) from platform_groups where position('\\' in name) > 0")).isPositive();
    }

    @Test
    void loginEventsHaveNoPrimaryKeyAndHoldExactDuplicates(TestDatabase db) throws SQLException {
        long primaryKeys = count(db, "select count(*) from pg_constraint"
                + " where conrelid = 'audit.login_events'::regclass and contype = 'p'");
        long duplicates = count(db, "select count(*) - count(distinct e) from audit.login_events e");

        assertThat(primaryKeys).isZero();
        assertThat(duplicates).isPositive();
    }

    @Test
    void sequencesAndIdentitiesContinueAfterTheGeneratedIds(TestDatabase db) throws SQLException {
        List<List<String>> columns = db.query("""
                select format('%I.%I', n.nspname, c.relname), quote_ident(a.attname),
                       pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname)
                from pg_class c join pg_namespace n on n.oid = c.relnamespace
                     join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
                where c.relkind = 'r' and n.nspname in ('public', 'audit')
                  and pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) is not null""");

        assertThat(columns).hasSizeGreaterThanOrEqualTo(12);
        for (List<String> column : columns) {
            long next = count(db, "select nextval('" + column.get(2) + "')");
            long max = count(db, "select coalesce(max(" + column.get(1) + "), 0) from " + column.get(0));
            assertThat(next).as(column.get(0)).isGreaterThan(max);
        }
    }

    @Test
    void theSameSeedGivesIdenticalData(TestDatabase db, PostgresServer server) throws SQLException {
        try (ScratchDatabase scratch = ScratchDatabase.create(server); Connection again = scratch.connect();
             Connection original = db.connect()) {
            DEMO.build(again);

            assertThat(tableHashes(again)).isEqualTo(tableHashes(original));
        }
    }

    @Test
    void anotherSeedGivesOtherDataOfTheSameSize(TestDatabase db, PostgresServer server) throws SQLException {
        try (ScratchDatabase scratch = ScratchDatabase.create(server); Connection other = scratch.connect();
             Connection original = db.connect()) {
            DEMO.withSeed(8).build(other);

            Map<String, String> otherHashes = tableHashes(other);
            Map<String, String> originalHashes = tableHashes(original);
            assertThat(otherHashes.get("public.users")).isNotEqualTo(originalHashes.get("public.users"));
            assertThat(otherHashes.get("public.platform_events"))
                    .isNotEqualTo(originalHashes.get("public.platform_events"));
            assertThat(DemoDatabase.rowCounts(other)).containsEntry("public.users", (long) SCALE)
                    .containsEntry("public.purchases", DemoDatabase.rowCounts(original).get("public.purchases"));
        }
    }

    @Test
    void rowCountsGrowWithTheScale(TestDatabase db, PostgresServer server) throws SQLException {
        try (ScratchDatabase scratch = ScratchDatabase.create(server); Connection doubled = scratch.connect();
             Connection original = db.connect()) {
            DemoDatabase.ofScale(2 * SCALE).withSeed(7).build(doubled);

            Map<String, Long> doubledCounts = DemoDatabase.rowCounts(doubled);
            long originalTotal = total(DemoDatabase.rowCounts(original));
            assertThat(doubledCounts).containsEntry("public.users", 2L * SCALE)
                    .containsEntry("public.platform_events", 40L * SCALE);
            assertThat(total(doubledCounts)).isBetween(originalTotal * 19 / 10, originalTotal * 21 / 10);
        }
    }

    @Test
    void rejectsScalesTooSmallToFillEveryTable() {
        assertThatThrownBy(() -> DemoDatabase.ofScale(9))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Scale 9 is too small: the demo database needs at least 10 users to fill every table");
    }

    private static long count(TestDatabase db, String sql) throws SQLException {
        return Long.parseLong(db.queryValue(sql));
    }

    private static List<String> column(TestDatabase db, String sql) throws SQLException {
        return db.query(sql).stream().map(row -> row.get(0)).toList();
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static List<String> constraintsAndIndexes(Connection connection) throws SQLException {
        String sql = """
                select conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) from pg_constraint
                where connamespace::regnamespace::text in ('public', 'audit')
                union all
                select indexdef from pg_indexes where schemaname in ('public', 'audit')
                order by 1""";
        List<String> definitions = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                definitions.add(rows.getString(1));
            }
        }
        return definitions;
    }

    /** An md5 of every table's rows in text form, sorted, so two databases can be compared table by table. */
    private static Map<String, String> tableHashes(Connection connection) throws SQLException {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (String table : DemoDatabase.rowCounts(connection).keySet()) {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery(
                         "select md5(string_agg(t::text, '|' order by t::text)) from " + table + " t")) {
                rows.next();
                hashes.put(table, rows.getString(1));
            }
        }
        return hashes;
    }
}
