package dev.seedkit.core.exporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.internal.SnapshotSession;
import dev.seedkit.core.schema.TableName;
import dev.seedkit.postgres.testing.TestDatabase;
import dev.seedkit.postgres.testing.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;

/**
 * Small tables are read many to a round trip with plain SELECTs and written value by value; their files must be
 * byte for byte what {@code COPY ... TO} writes, for every kind of value, and a table the server refuses to read
 * must still be named in the error.
 */
@ExtendWith(TestPostgres.class)
class SmallTableBatchTests {

    private static final String TYPES = "create type {s}.mood as enum ('sad', 'ok', 'with space', 'quote\"d',"
            + " 'tab\tbed', 'ünï');"
            + " create domain {s}.positive as int check (value > 0);"
            + " create type {s}.pair as (label text, amount numeric);";

    /** Table name, columns after {@code id int primary key}, and rows (with the id first). */
    private static final String[][] TABLES = {
        {"t_int", "s smallint, i int, b bigint, o oid",
            "(1, -32768, -2147483648, -9223372036854775808, 4294967295), (2, null, null, null, null)"},
        {"t_numeric", "n numeric, m numeric(12,4), r real, d double precision",
            "(1, 1.50, 1.5, 'NaN', 'NaN'), (2, 'NaN', 'NaN', '-0', '-0'), (3, 'Infinity', 0.0001, 1.4e-45, 5e-324),"
                + " (4, 123456789012345678901234567890.000000000000000001, null, 3.4028235e38,"
                + " 1.7976931348623157e308), (5, 1e-30, -99999999.9999, 0.1, -1.2345678901234567)"},
        {"t_text", "t text, v varchar(20), c char(5), q \"char\", nm name",
            "(1, E'tab\\there', E'new\\nline', 'ab', 'x', 'Name'),"
                + " (2, E'cr\\rlf\\r\\n', E'back\\\\slash', '', '\\', ''),"
                + " (3, '\\N', '\\.', '\\N', null, null), (4, '', '', ' ', ' ', ' '),"
                + " (5, '😀 ünïcödé 中文 \u200B', 'N', 'x\\y', 'ü', 'ünï'),"
                + " (6, (select string_agg(chr(i), '') from generate_series(1, 127) i), E'\\b\\f' || chr(11), '\\',"
                + " null, null)"},
        {"t_misc", "u uuid, b boolean, bits bit(4), vb varbit, ba bytea",
            "(1, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', true, B'1010', B'', '\\x00ff5c0a09'),"
                + " (2, '00000000-0000-0000-0000-000000000000', false, B'0000', B'1', ''),"
                + " (3, null, null, null, null, null)"},
        {"t_time", "d date, t time, tz timetz, ts timestamp, tstz timestamptz, iv interval",
            "(1, '2024-02-29', '24:00:00', '10:00:00+05:30', '2024-01-01 00:00:00.123456',"
                + " '2024-06-30 23:59:59.999999+02', '1 year -2 mons 3 days -04:05:06.000007'),"
                + " (2, 'infinity', '00:00:00.000001', '23:59:59.999999-15:59', 'infinity', '-infinity', '0'),"
                + " (3, '0044-03-15 BC', '01:02:03', '12:00:00-00:00:01', '4713-01-01 00:00:00 BC',"
                + " '0001-01-01 00:00:00+00 BC', '-178000000 years')"},
        {"t_json", "j json, b jsonb",
            "(1, '{\"b\":1,  \"a\" : [1, 2.50]}', '{\"b\":1,  \"a\" : [1, 2.50]}'),"
                + " (2, E'{\\n\\t\"dup\": 1, \"dup\": 2\\n}', '{\"dup\": 1, \"dup\": 2}'), (3, '1e400', '[1e-5, -0]')"},
        {"t_array", "i int[], t text[], f float8[]",
            "(1, '{}', '{}', '{}'),"
                + " (2, '{1,NULL,3}', '{\"a,b\",\"c\\\"d\",\"e\\\\f\",\"{braces}\",NULL,\"NULL\",\"\"}',"
                + " '{-0,NaN,Infinity,1e-300}'), (3, '[0:1]={5,6}', '[2:2][-1:0]={{a,b}}', null)"},
        {"t_custom", "m {s}.mood, ms {s}.mood[], p {s}.positive, pr {s}.pair, prs {s}.pair[]",
            "(1, 'ok', '{sad,\"with space\",\"quote\\\"d\",\"tab\tbed\",ünï,NULL}', 1, row('a,b \"c\" (d)', 1.50),"
                + " array[row('x\\y', null)::{s}.pair, null]),"
                + " (2, 'tab\tbed', '{}', 2147483647, row(null, null), '{}')"},
        {"t_search", "v tsvector, q tsquery, r int4range, tr tstzrange, mr int4multirange",
            "(1, 'a:1A fat:2B,4C cat:5D', '!sat <-> mat:*', '[1,10)', '[2024-01-01 00:00+00,infinity)',"
                + " '{[1,3), [5,7)}'),"
                + " (2, $$'it''s' 'back\\\\slash' 'tab\there'$$, '', 'empty', 'empty', '{}')"},
        {"t_net", "ip inet, net cidr, mac macaddr, m money, p point, b box, c circle",
            "(1, '192.168.0.1/24', '10.0.0.0/8', '08:00:2b:01:02:03', 1234567.89, '(0.1,-0)', '((1,2),(3,4))',"
                + " '<(1e-300,2),3>'), (2, '::ffff:1.2.3.4/128', '192.168.100.128/25', null, '-92233720368547758.08',"
                + " null, null, null)"},
        {"t_many", "label text, amount numeric",
            "(1, 'first', 1)"}, // filled with generate_series below
    };

    @TempDir
    Path dir;

    @Test
    void smallTablesAreReadInOneRoundTripAndWrittenByteForByteAsCopyWritesThem(TestDatabase db) throws Exception {
        createTables(db, "zoo");
        db.execute("insert into zoo.t_many select g, 'row ' || g || E'\\t' || repeat('x', g % 50), g / 7.0"
                + " from generate_series(2, 3000) g");
        ExportReport report;
        try (Connection c = db.connect()) {
            report = SnapshotExporter.builder().includeSchemas("zoo").rowsPerTable(SnapshotExporter.ALL_ROWS).build()
                    .export(c, dir.resolve("zoo"));
        }
        db.execute("create schema single; create table single.t_int (id int primary key); insert into single.t_int"
                + " values (1)");
        ExportReport single;
        try (Connection c = db.connect()) {
            single = SnapshotExporter.builder().includeSchemas("single").rowsPerTable(SnapshotExporter.ALL_ROWS)
                    .build().export(c, dir.resolve("single"));
        }
        assertThat(report.roundTrips()).as("round trips for %s tables vs one table", TABLES.length)
                .isLessThanOrEqualTo(single.roundTrips() + 1);
        for (String[] table : TABLES) {
            String file = "zoo." + table[0] + ".tsv";
            assertThat(Files.readString(dir.resolve("zoo").resolve(file), StandardCharsets.UTF_8)).as(file)
                    .isEqualTo(copied(db, "zoo." + table[0]));
        }
        assertThat(report.table(TableName.of("zoo", "t_many")).orElseThrow().rows())
                .isEqualTo(3000);
    }

    @Test
    void aSmallTableTheServerRefusesToReadIsNamedInTheError(TestDatabase db) throws Exception {
        createTables(db, "refused");
        SeedException e;
        try (Connection c = db.connect()) {
            e = catchThrowableOfType(SeedException.class, () -> SnapshotExporter
                    .builder().includeSchemas("refused").mask("refused.t_text.v", Masking.sql("({column})::int::text"))
                    .build().export(c, dir.resolve("out")));
            assertThat(c.getAutoCommit()).isTrue();
        }
        assertThat(e.getMessage()).startsWith("The export failed while writing the rows of refused.t_text: ERROR: "
                + "invalid input syntax for type integer");
        assertThat(dir.resolve("out")).as("nothing written").doesNotExist();
    }

    private static void createTables(TestDatabase db, String schema) throws Exception {
        StringBuilder sql = new StringBuilder("create schema " + schema + "; " + TYPES.replace("{s}", schema));
        for (String[] table : TABLES) {
            String name = schema + "." + table[0];
            sql.append(" create table ").append(name).append(" (id int primary key, ")
                    .append(table[1].replace("{s}", schema)).append(");")
                    .append(" insert into ").append(name).append(" values ").append(table[2].replace("{s}", schema))
                    .append(";");
        }
        db.execute(sql.toString());
    }

    /** The file COPY gives for {@code table}: the header, then {@code COPY (SELECT ... ORDER BY id) TO STDOUT}. */
    private static String copied(TestDatabase db, String table) throws Exception {
        try (Connection c = db.connect()) {
            List<String> columns = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select quote_ident(attname) from"
                    + " pg_attribute where attrelid = '" + table + "'::regclass and attnum > 0 and not attisdropped"
                    + " order by attnum")) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
            c.setAutoCommit(false);
            SnapshotSession.applyLocal(c);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (SELECT " + String.join(", ", columns) + " FROM "
                    + table + " ORDER BY id) TO STDOUT", out);
            c.rollback();
            return String.join("\t", columns).replace("\"", "") + "\n" + out.toString(StandardCharsets.UTF_8);
        }
    }
}
