package dev.seedkit.core.internal;

import static dev.seedkit.core.snapshot.SnapshotFixture.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.core.SeedException.Code;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Table file names are safe on every file system, unique per table, and decode back to the table. */
class TableFileNameTests {

    @Example
    void keepsPlainLowerCaseNames() {
        assertThat(new TableFileName("public", "users").fileName()).isEqualTo("public.users.tsv");
        assertThat(new TableFileName("my_app-2", "order_lines").fileName()).isEqualTo("my_app-2.order_lines.tsv");
    }

    @Example
    void percentEncodesUpperCaseDotsSpacesPercentAndUnicode() {
        assertThat(new TableFileName("sales", "Order Lines").fileName()).isEqualTo("sales.%4Frder%20%4Cines.tsv");
        assertThat(new TableFileName("a.b", "c%d/e").fileName()).isEqualTo("a%2Eb.c%25d%2Fe.tsv");
        assertThat(new TableFileName("ünï", "..").fileName()).isEqualTo("%C3%BCn%C3%AF.%2E%2E.tsv");
    }

    @Example
    void encodesSchemasThatSpellWindowsDeviceNames() {
        assertThat(new TableFileName("con", "users").fileName()).isEqualTo("%63on.users.tsv");
        assertThat(new TableFileName("lpt1", "users").fileName()).isEqualTo("%6Cpt1.users.tsv");
        assertThat(TableFileName.parse("%63on.users.tsv")).isEqualTo(new TableFileName("con", "users"));
    }

    @Example
    void refusesNamesThatAreNotTheCanonicalSpelling() {
        for (String name : new String[] {"public.users.csv", "Public.users.tsv", "public.%2e.tsv", "public.%61.tsv",
            "a.b.c.tsv", "public..tsv", "public.%C3.tsv", "con.users.tsv"}) {
            assertFailure(() -> TableFileName.parse(name), Code.SNAPSHOT_FORMAT, "'" + name + "' is not a table file"
                    + " name: expected <schema>.<table>.tsv with a-z 0-9 _ - kept and every other byte of the UTF-8 "
                    + "name written as %XX (upper-case hex). Re-export the snapshot, or restore the file from "
                    + "version control.");
        }
    }

    @Example
    void refusesNamesTooLongForAFileSystem() {
        String long63 = "Ä".repeat(31);
        assertFailure(() -> new TableFileName(long63, long63).fileName(), Code.CONFIGURATION, "Table " + long63
                + "." + long63 + " needs a 377-byte file name, longer than the 255 bytes file systems allow; rename "
                + "the schema or table, or leave the table out of the snapshot.");
    }

    @Property(tries = 500)
    void parseUndoesFileName(@ForAll("identifiers") String schema, @ForAll("identifiers") String table) {
        TableFileName name = new TableFileName(schema, table);
        assertThat(TableFileName.parse(name.fileName())).isEqualTo(name);
    }

    @Property(tries = 500)
    void fileNamesUseOnlyPortableCharacters(@ForAll("identifiers") String schema, @ForAll("identifiers") String table) {
        String fileName = new TableFileName(schema, table).fileName();
        String part = "([a-z0-9_-]|%[0-9A-F]{2})+";
        assertThat(fileName).matches(part + "\\." + part + "\\.tsv");
        assertThat(fileName.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
    }

    @Property(tries = 500)
    void namesThatDifferOnlyInCaseStayDistinctWithoutCase(@ForAll("identifiers") String table) {
        String upper = table.toUpperCase(Locale.ROOT);
        String lower = table.toLowerCase(Locale.ROOT);
        if (!upper.equals(lower)) {
            assertThat(new TableFileName("s", upper).fileName())
                    .isNotEqualToIgnoringCase(new TableFileName("s", lower).fileName());
        }
    }

    @Provide
    Arbitrary<String> identifiers() {
        return Generators.identifier(40);
    }
}
