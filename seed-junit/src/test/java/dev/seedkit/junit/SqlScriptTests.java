package dev.seedkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.junit.SqlScript.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScriptTests {

    private static List<String> sql(String script) {
        return SqlScript.split(script).stream().map(Statement::sql).toList();
    }

    @Test
    void splitsAtSemicolonsAndReportsTheLineEachStatementStartsOn() {
        assertThat(SqlScript.split("create table a (id int);\n\ninsert into a\n  values (1);\nselect 1"))
                .containsExactly(new Statement("create table a (id int)", 1),
                        new Statement("insert into a\n  values (1)", 3),
                        new Statement("select 1", 5));
    }

    @Test
    void leavesOutBlankStatementsAndCommentsBetweenStatements() {
        assertThat(SqlScript.split("-- header; comment\n;;\n/* block; */ select 1; -- trailing;\n  \n"))
                .containsExactly(new Statement("select 1", 3));
        assertThat(SqlScript.split("  \n-- only a comment;\n")).isEmpty();
        assertThat(SqlScript.split("")).isEmpty();
    }

    @Test
    void keepsSemicolonsInsideSingleQuotedStringsWithDoubledQuotes() {
        assertThat(sql("insert into t values ('a;b', 'it''s; fine');select 2"))
                .containsExactly("insert into t values ('a;b', 'it''s; fine')", "select 2");
    }

    @Test
    void keepsSemicolonsInsideEscapeStringsWithBackslashQuotes() {
        assertThat(sql("select E'it\\'s; \\\\';select e'\\';';select 'plain\\';select 4"))
                .containsExactly("select E'it\\'s; \\\\'", "select e'\\';'", "select 'plain\\'", "select 4");
    }

    @Test
    void keepsSemicolonsInsideQuotedIdentifiers() {
        assertThat(sql("create table \"odd;\"\"name\" (\"x;y\" int);select 1"))
                .containsExactly("create table \"odd;\"\"name\" (\"x;y\" int)", "select 1");
    }

    @Test
    void keepsSemicolonsInsideCommentsWithinAStatement() {
        assertThat(sql("select 1 -- one; two\n + 1;select /* a; /* nested; */ still; */ 2"))
                .containsExactly("select 1 -- one; two\n + 1", "select /* a; /* nested; */ still; */ 2");
    }

    @Test
    void keepsDollarQuotedBodiesWhole() {
        String function = "create function f() returns int language plpgsql as $$\nbegin\n  return 1;\nend;\n$$";
        assertThat(SqlScript.split(function + ";\nselect f();"))
                .containsExactly(new Statement(function, 1), new Statement("select f()", 6));
    }

    @Test
    void keepsTaggedDollarQuotesWholeEvenWhenTheyContainOtherDollarQuotes() {
        String body = "do $outer$ begin execute $$select ';'$$; perform 1; end $outer$";
        assertThat(sql(body + "; select $x$;$x$, $_1$;$_1$;"))
                .containsExactly(body, "select $x$;$x$, $_1$;$_1$");
    }

    @Test
    void doesNotMistakeParametersOrIdentifiersWithDollarsForDollarQuotes() {
        assertThat(sql("prepare p(int) as select $1; select a$b$ from t; select 3"))
                .containsExactly("prepare p(int) as select $1", "select a$b$ from t", "select 3");
    }

    @Test
    void keepsSqlStandardFunctionBodiesWhole() {
        String function = "create or replace function g(x int) returns int language sql\nbegin atomic\n"
                + "  select case when x > 0 then 1 else 0 end;\n  select 2;\nend";
        String procedure = "CREATE PROCEDURE p() BEGIN ATOMIC insert into t values (1); END";
        assertThat(sql(function + ";\n" + procedure + "; select 5;"))
                .containsExactly(function, procedure, "select 5");
    }

    @Test
    void stillSplitsTransactionBlocksAndOtherBeginStatements() {
        assertThat(sql("begin; insert into t values (1); commit; create table begin_end (id int); select 1"))
                .containsExactly("begin", "insert into t values (1)", "commit", "create table begin_end (id int)",
                        "select 1");
    }

    @Test
    void countsLinesInsideStringsAndCommentsWhenNumberingLaterStatements() {
        String script = "select 'a\nb';\n/* c\nd */\nselect $$\n$$;\n-- e\nselect 3;";
        assertThat(SqlScript.split(script)).extracting(Statement::line).containsExactly(1, 5, 8);
    }

    @Test
    void leavesAnUnterminatedQuoteToPostgresqlAsOneStatement() {
        assertThat(sql("select 1; select 'never closed; select 2")).containsExactly("select 1",
                "select 'never closed; select 2");
        assertThat(sql("select $$ never closed; select 2")).containsExactly("select $$ never closed; select 2");
    }

    @Test
    void handlesWindowsLineEndings() {
        assertThat(SqlScript.split("select 1;\r\nselect 2;\r\n"))
                .containsExactly(new Statement("select 1", 1), new Statement("select 2", 2));
    }
}
