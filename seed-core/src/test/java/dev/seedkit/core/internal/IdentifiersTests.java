package dev.seedkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seedkit.core.schema.TableName;
import dev.seedkit.core.snapshot.SnapshotManifest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentifiersTests {

    @Test
    void quotesEveryIdentifierAndDoublesEmbeddedQuotes() {
        assertThat(Identifiers.quote("orders")).isEqualTo("\"orders\"");
        assertThat(Identifiers.quote("Order \"X\"")).isEqualTo("\"Order \"\"X\"\"\"");
        assertThat(Identifiers.quote("select")).isEqualTo("\"select\"");
        assertThat(Identifiers.quote("public", "café")).isEqualTo("\"public\".\"café\"");
        assertThat(TableName.of("Sales", "Order Items").qualified()).isEqualTo("\"Sales\".\"Order Items\"");
        assertThatThrownBy(() -> Identifiers.quote("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Identifiers.quote("a\0b")).hasMessageContaining("a\\0b");
    }

    @Test
    void displaysNamesBareOnlyWhenTheyReadBackUnchanged() {
        assertThat(TableName.of("public", "order_items")).hasToString("public.order_items");
        assertThat(TableName.of("public", "Orders")).hasToString("public.\"Orders\"");
        assertThat(TableName.of("public", "order items")).hasToString("public.\"order items\"");
        assertThat(TableName.of("public", "café")).hasToString("public.café");
        assertThat(TableName.of("a.b", "c")).hasToString("\"a.b\".c");
    }

    @Test
    void tableFilesAndManifestEntriesShowNamesByTheSameRuleAsTableNames() {
        for (String name : List.of("order_items", "Orders", "café", "price$", "order items", "a.b")) {
            String expected = TableName.of("public", name).toString();
            TableFileName file = new TableFileName("public", name);
            SnapshotManifest.Table entry = new SnapshotManifest.Table("public", name, file.fileName(),
                    List.of(new SnapshotManifest.Column("id", "integer")), List.of("id"), 0, "0".repeat(64));

            assertThat(file).as(name).hasToString(expected);
            assertThat(entry).as(name).hasToString(expected);
            assertThat(Identifiers.display("public", name)).as(name).isEqualTo(expected);
        }
    }

    @Test
    void ordersTableNamesBySchemaThenNameComparingCodePoints() {
        List<TableName> names = new ArrayList<>(List.of(TableName.of("b", "a"), TableName.of("a", "z"),
                TableName.of("a", "\uD835\uDD38"), TableName.of("a", "\uFF61"), TableName.of("a", "Z"),
                TableName.of("a", "é")));

        names.sort(null);

        assertThat(names).containsExactly(TableName.of("a", "Z"), TableName.of("a", "z"), TableName.of("a", "é"),
                TableName.of("a", "\uFF61"), TableName.of("a", "\uD835\uDD38"), TableName.of("b", "a"));
        assertThat("\uD835\uDD38".compareTo("\uFF61")).as("String order differs for such names").isNegative();
    }
}
