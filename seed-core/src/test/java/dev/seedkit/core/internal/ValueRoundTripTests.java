package dev.seedkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.seedkit.postgres.testing.TestDatabase;
import dev.seedkit.postgres.testing.TestPostgres;
import java.sql.Connection;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every value comes back bit for bit: each test exports a table of awkward values through a snapshot file with
 * {@code COPY ... TO}, loads the file into an identical table with {@code COPY ... FROM}, and compares the two row
 * by row (see {@link RoundTrip}). Nothing here needs a PostgreSQL newer than 15.
 */
@ExtendWith(TestPostgres.class)
class ValueRoundTripTests {

    @Test
    void integersKeepTheirFullRange(TestDatabase db) throws Exception {
        String file = new RoundTrip(db).check("t_int", "s smallint, i int, b bigint",
                "(1, -32768, -2147483648, -9223372036854775808), (2, 32767, 2147483647, 9223372036854775807),"
                        + " (3, 0, 0, 0), (4, null, null, null)");
        assertThat(file).contains("2\t32767\t2147483647\t9223372036854775807\n", "4\t\\N\t\\N\t\\N\n");
    }

    @Test
    void numericKeepsScaleNaNAndInfinities(TestDatabase db) throws Exception {
        String file = new RoundTrip(db).check("t_numeric", "n numeric, m numeric(12,4)",
                "(1, 1.50, 1.5), (2, -0.000, 0), (3, 'NaN', 'NaN'), (4, 'Infinity', 1),"
                        + " (5, '-Infinity', -99999999.9999), (6, 123456789012345678901234567890.000000000000000001,"
                        + " 0.0001), (7, 1e-30, null), (8, null, 12)");
        assertThat(file).contains("1\t1.50\t1.5000\n", "2\t0.000\t0.0000\n", "3\tNaN\tNaN\n", "4\tInfinity\t",
                "5\t-Infinity\t");
    }

    @Test
    void floatsKeepNaNInfinitiesNegativeZeroAndExtremes(TestDatabase db) throws Exception {
        String file = new RoundTrip(db).check("t_float", "r real, d double precision",
                "(1, 'NaN', 'NaN'), (2, 'Infinity', 'Infinity'), (3, '-Infinity', '-Infinity'), (4, '-0', '-0'),"
                        + " (5, 1.4e-45, 5e-324), (6, 3.4028235e38, 1.7976931348623157e308),"
                        + " (7, 0.1, 0.1), (8, 1.17549435e-38, 2.2250738585072014e-308),"
                        + " (9, -1.2345679, -1.2345678901234567), (10, null, null)");
        assertThat(file).contains("4\t-0\t-0\n", "5\t1e-45\t5e-324\n", "7\t0.1\t0.1\n",
                "6\t3.4028235e+38\t1.7976931348623157e+308\n");
    }

    @Test
    void textKeepsEscapesControlCharactersEmojiAndEmptyApartFromNull(TestDatabase db) throws Exception {
        String file = new RoundTrip(db).check("t_text", "t text, v varchar(20), c char(5)",
                "(1, E'tab\\there', E'new\\nline', 'ab'), (2, E'cr\\rlf\\r\\n', E'back\\\\slash', ''),"
                        + " (3, '\\N', '\\.', '\\N'), (4, '', '', ' '), (5, null, null, null),"
                        + " (6, '😀 ünïcödé 中文 \u200B', 'N', 'x\\y'),"
                        + " (7, (select string_agg(chr(i), '') from generate_series(1, 127) i),"
                        + " E'\\b\\f' || chr(11), '\\')");
        assertThat(file).contains("1\ttab\\there\tnew\\nline\tab   \n", "2\tcr\\rlf\\r\\n\tback\\\\slash\t     \n",
                "3\t\\\\N\t\\\\.\t\\\\N   \n", "4\t\t\t     \n", "5\t\\N\t\\N\t\\N\n", "\t\\b\\f\\v\t");
    }

    @Test
    void uuidBooleanBitsAndOidsComeBack(TestDatabase db) throws Exception {
        new RoundTrip(db).check("t_misc", "u uuid, b boolean, bits bit(4), vb varbit, o oid",
                "(1, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', true, B'1010', B'', 4294967295),"
                        + " (2, '00000000-0000-0000-0000-000000000000', false, B'0000', B'1', 0),"
                        + " (3, null, null, null, null, null)");
    }

    @Test
    void datesAndTimesKeepInfinitiesEraMicrosecondsAndOffsets(TestDatabase db) throws Exception {
        String file = new RoundTrip(db).check("t_time",
                "d date, t time, tz timetz, ts timestamp, tstz timestamptz",
                "(1, '2024-02-29', '24:00:00', '10:00:00+05:30', '2024-01-01 00:00:00.123456',"
                        + " '2024-06-30 23:59:59.999999+02'),"
                        + " (2, 'infinity', '00:00:00.000001', '23:59:59.999999-15:59', 'infinity', '-infinity'),"
                        + " (3, '-infinity', '12:34:56', '00:00:00+00', '-infinity', 'infinity'),"
                        + " (4, '0044-03-15 BC', '01:02:03', '12:00:00-00:00:01', '4713-01-01 00:00:00 BC',"
                        + " '0001-01-01 00:00:00+00 BC'), (5, '5874897-12-31', null, null, '294276-12-31 23:59:59',"
                        + " '1970-01-01 00:00:00+00'), (6, null, null, null, null, null)");
        assertThat(file).contains("1\t2024-02-29\t24:00:00\t10:00:00+05:30\t2024-01-01 00:00:00.123456\t"
                + "2024-06-30 21:59:59.999999+00\n");
    }

    @Test
    void intervalsKeepMixedSignsAndMicroseconds(TestDatabase db) throws Exception {
        String file = new RoundTrip(db).check("t_interval", "i interval",
                "(1, '1 year 2 mons 3 days 04:05:06.789'), (2, '-1 day +02:00'), (3, '1 mon -1 day -00:00:00.000001'),"
                        + " (4, '178000000 years'), (5, '0'), (6, '-2147483648 days'), (7, null)");
        assertThat(file).contains("1\t1 year 2 mons 3 days 04:05:06.789\n", "2\t-1 days +02:00:00\n");
    }

    @Test
    void byteaComesBackInHex(TestDatabase db) throws Exception {
        String file = new RoundTrip(db).check("t_bytea", "b bytea",
                "(1, '\\x'), (2, '\\x00ff105c0a09'), (3, decode(repeat('ab', 5000), 'hex')), (4, null)");
        assertThat(file).contains("1\t\\\\x\n", "2\t\\\\x00ff105c0a09\n");
    }

    @Test
    void jsonKeepsItsExactTextAndJsonbItsValue(TestDatabase db) throws Exception {
        String file = new RoundTrip(db).check("t_json", "j json, b jsonb",
                "(1, '{\"b\":1,  \"a\" : [1, 2.50]}', '{\"b\":1,  \"a\" : [1, 2.50]}'),"
                        + " (2, E'{\\n\\t\"dup\": 1, \"dup\": 2\\n}', '{\"dup\": 1, \"dup\": 2}'),"
                        + " (3, '\"tab\\tand \\\\ backslash \\u00e9\"', '\"tab\\tand \\\\ backslash \\u00e9\"'),"
                        + " (4, 'null', 'null'), (5, null, null), (6, '1e400', '[1e-5, -0]')", "j");
        assertThat(file).contains("2\t{\\n\\t\"dup\": 1, \"dup\": 2\\n}\t{\"dup\": 2}\n");
    }

    @Test
    void arraysKeepNullElementsQuotingDimensionsAndBounds(TestDatabase db) throws Exception {
        String file = new RoundTrip(db).check("t_array", "i int[], t text[], f float8[], n numeric[]",
                "(1, '{}', '{}', '{}', '{}'),"
                        + " (2, '{1,NULL,3}',"
                        + " '{\"a,b\",\"c\\\"d\",\"e\\\\f\",\"{braces}\",NULL,\"NULL\",\"\",\" pad \"}',"
                        + " '{-0,NaN,Infinity,1e-300}', '{1.50,NaN,-Infinity}'),"
                        + " (3, '{{1,2},{3,4}}', '{{\"tab\\there\",x},{\"new\nline\",\"\\\\N\"}}', '{{1},{2}}', null),"
                        + " (4, '[0:1]={5,6}', '[2:2][-1:0]={{a,b}}', null, '{NULL}'),"
                        + " (5, null, '{NULL,NULL}', null, null)");
        assertThat(file).contains("3\t{{1,2},{3,4}}\t", "4\t[0:1]={5,6}\t[2:2][-1:0]={{a,b}}\t");
    }

    @Test
    void enumsEnumArraysAndDomainsComeBack(TestDatabase db) throws Exception {
        db.execute("create type t_mood as enum ('sad', 'ok', 'with space', 'quote\"d', 'tab\tbed', 'ünï');"
                + " create domain t_positive as int check (value > 0);"
                + " create domain t_code as text check (value ~ '^[A-Z]');"
                + " create type t_pair as (label text, amount numeric)");
        new RoundTrip(db).check("t_enum", "m t_mood, ms t_mood[], p t_positive, c t_code, pair t_pair, pairs t_pair[]",
                "(1, 'ok', '{sad,\"with space\",\"quote\\\"d\",\"tab\tbed\",ünï,NULL}', 1, 'Abc',"
                        + " row('a,b \"c\" (d)', 1.50), array[row('x\\y', null)::t_pair, null]),"
                        + " (2, 'tab\tbed', '{}', 2147483647, 'Z\ttab', row(null, null), '{}'),"
                        + " (3, null, null, null, null, null, null)");
    }

    @Test
    void textSearchVectorsAndQueriesComeBack(TestDatabase db) throws Exception {
        new RoundTrip(db).check("t_tsvector", "v tsvector, q tsquery",
                "(1, 'a fat cat sat on a mat', 'fat & (rat | cat)'),"
                        + " (2, 'a:1A fat:2B,4C cat:5D', '!sat <-> mat:*'),"
                        + " (3, $$'it''s' 'back\\\\slash' 'tab\there' 'ünï'$$, $$'it''s' & 'tab\there'$$),"
                        + " (4, '', ''), (5, null, null)");
    }

    @Test
    void rangesAndMultirangesKeepBoundsAndEmptiness(TestDatabase db) throws Exception {
        new RoundTrip(db).check("t_range",
                "i int4range, n numrange, ts tstzrange, d daterange, m int4multirange",
                "(1, '[1,10)', '(1.5,2.50]', '[2024-01-01 00:00+00,infinity)', '[2024-01-01,2024-02-01)',"
                        + " '{[1,3), [5,7)}'), (2, 'empty', 'empty', 'empty', 'empty', '{}'),"
                        + " (3, '(,5]', '(,)', '(-infinity,2024-01-01 10:00+02]', '(,)', '{(,)}'),"
                        + " (4, null, null, null, null, null)");
    }

    @Test
    void networkAddressesAndMoneyComeBack(TestDatabase db) throws Exception {
        String file = new RoundTrip(db).check("t_net", "ip inet, net cidr, mac macaddr, m money",
                "(1, '192.168.0.1/24', '10.0.0.0/8', '08:00:2b:01:02:03', 1234567.89),"
                        + " (2, '::1', '2001:db8::/32', '00:00:00:00:00:00', -0.01),"
                        + " (3, '::ffff:1.2.3.4/128', '192.168.100.128/25', null, '92233720368547758.07'),"
                        + " (4, null, null, null, '-92233720368547758.08')");
        assertThat(file).contains("1\t192.168.0.1/24\t10.0.0.0/8\t08:00:2b:01:02:03\t$1,234,567.89\n",
                "2\t::1\t2001:db8::/32\t00:00:00:00:00:00\t-$0.01\n");
    }

    @Test
    void geometricTypesKeepExactFloats(TestDatabase db) throws Exception {
        new RoundTrip(db).check("t_geo", "p point, b box, c circle",
                "(1, '(0.1,-0)', '((1,2),(3,4))', '<(1e-300,2),3>'), (2, null, null, null)", "p");
    }

    @Test
    void extensionTypesPassThroughAsText(TestDatabase db) throws Exception {
        assumeTrue("2".equals(db.queryValue("select count(*) from pg_available_extensions"
                + " where name in ('citext', 'hstore')")), "citext and hstore are not installed on this server");
        db.execute("create extension if not exists citext; create extension if not exists hstore");
        String file = new RoundTrip(db).check("t_ext", "ci citext, h hstore",
                "(1, 'MiXeD Case\tTab', 'a=>1, \"b c\"=>NULL, \"q\\\"uote\"=>\"back\\\\slash\"'), (2, '', ''),"
                        + " (3, null, null)");
        assertThat(file).contains("1\tMiXeD Case\\tTab\t");
    }

    @Test
    void generatedColumnsAreLeftOutAndRecomputed(TestDatabase db) throws Exception {
        db.execute("create table t_generated (id int primary key, price numeric,"
                + " doubled numeric generated always as (price * 2) stored, note text)");
        try (Connection c = db.connect()) {
            SnapshotSession.apply(c);
            RoundTrip.execute(c, "insert into t_generated (id, price, note) values (1, 2.5, 'x'), (2, null, null)");
            String file = new RoundTrip(db).check(c, "t_generated", Set.of());
            assertThat(file).startsWith("id\tprice\tnote\n").contains("1\t2.5\tx\n");
            assertThat(RoundTrip.query(c, "select doubled from t_generated_copy order by id").toString())
                    .isEqualTo("[[5.0], [null]]");
        }
    }
}
