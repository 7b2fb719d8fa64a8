package dev.seedkit.core.exporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seedkit.core.SeedException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Table and column names in options read like SQL identifiers: bare ones fold to lower case, quoted ones not. */
class QualifiedNameTests {

    @Test
    void bareNamesFoldToLowerCaseAndQuotedNamesAreTakenAsWritten() {
        assertThat(QualifiedName.parse("Public.Users", 2, "t")).containsExactly("public", "users");
        assertThat(QualifiedName.parse("sales.\"Order Items\".\"A.b\"\"c\"", 3, "t"))
                .containsExactly("sales", "Order Items", "A.b\"c");
        assertThat(ColumnRef.parse("\"Mixed\".t.\"Note\"", "t").toString()).isEqualTo("\"Mixed\".t.\"Note\"");
    }

    @Test
    void malformedNamesSayWhatIsExpected() {
        assertThatThrownBy(() -> QualifiedName.parse("public.users.email", 2, "includeTables"))
                .isInstanceOf(SeedException.class).hasMessage("includeTables 'public.users.email' is not a name of "
                        + "the form schema.table, e.g. public.users or sales.\"Order Items\": found 3 part(s). Bare "
                        + "names are folded to lower case; quote names with capitals, dots or spaces.");
        assertThatThrownBy(() -> QualifiedName.parse("public.\"users", 2, "where")).hasMessage("where "
                + "'public.\"users' has a double quote at position 8 that is never closed; close it, and write \"\" "
                + "for a quote inside.");
        assertThatThrownBy(() -> QualifiedName.parse("\"a\"b.c", 2, "mask"))
                .hasMessageContaining("expected '.' at position 4");
        for (String bad : List.of("", ".", "a.", ".b", "a..b")) {
            assertThatThrownBy(() -> QualifiedName.parse(bad, 2, "t")).isInstanceOf(SeedException.class);
        }
    }
}
