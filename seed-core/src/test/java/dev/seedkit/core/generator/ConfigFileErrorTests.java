package dev.seedkit.core.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seedkit.core.SeedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes the configuration file shows by itself, found when it is read: each names the file, line and key. */
class ConfigFileErrorTests {

    @Test
    void anUnknownTopLevelKeyIsNamedWithItsLine() {
        assertThatThrownBy(() -> parse("seed: 1\nsed: 2\n"))
                .isInstanceOf(SeedException.class)
                .hasMessage("Generator config gen.yaml, line 2, key sed: unknown key 'sed'; known keys here: seed, "
                        + "schemas, defaults, faker-locale, virtual-foreign-keys, tables")
                .extracting(e -> ((SeedException) e).code()).isEqualTo(SeedException.Code.CONFIGURATION);
    }

    @Test
    void anUnknownTableKeyIsNamedWithItsPath() {
        assertThatThrownBy(() -> parse("tables:\n  users:\n    rows: 5\n    rowz: 6\n"))
                .hasMessage("Generator config gen.yaml, line 4, key tables.users.rowz: unknown key 'rowz'; known keys "
                        + "here: rows, per, count, tiers, ids, existing, fixed, duplicates, columns");
    }

    @Test
    void anUnknownRuleKeyListsTheRules() {
        assertThatThrownBy(() -> parse("tables:\n  users:\n    columns:\n      email: {patern: x}\n"))
                .hasMessageStartingWith("Generator config gen.yaml, line 4, key tables.users.columns.email.patern: "
                        + "unknown key 'patern'; known keys here: a rule (value, sequence, range, between, pick,");
    }

    @Test
    void twoRulesForOneColumnAreRefused() {
        assertThatThrownBy(() -> parse("tables:\n  t:\n    columns:\n      c: {pick: [a], pattern: x}\n"))
                .hasMessage("Generator config gen.yaml, line 4, key tables.t.columns.c.pattern: one rule per column, "
                        + "but this map has pick and pattern; use mix to combine rules");
    }

    @Test
    void impossibleNumbersAreRefused() {
        assertThatThrownBy(() -> parse("tables:\n  t:\n    rows: 10\n    columns:\n      c: {range: 9-3}\n"))
                .hasMessage("Generator config gen.yaml, line 5, key tables.t.columns.c.range: the range 9 to 3 is "
                        + "empty; write the lower bound first");
        assertThatThrownBy(() -> parse("tables:\n  t:\n    columns:\n      c: {pick: [a, b], null: 1.5}\n"))
                .hasMessage("Generator config gen.yaml, line 4, key tables.t.columns.c.null: expected a fraction "
                        + "from 0 to 1 (or 0% to 100%), found '1.5'");
        assertThatThrownBy(() -> parse("tables:\n  t:\n    rows: -1\n"))
                .hasMessage("Generator config gen.yaml, line 3, key tables.t.rows: expected a whole number of at "
                        + "least 0, found '-1'");
        assertThatThrownBy(() -> parse("tables:\n  t:\n    tiers: {a: 0, b: 0%}\n"))
                .hasMessage("Generator config gen.yaml, line 3, key tables.t.tiers: the weights of the tiers add "
                        + "up to 0; give at least one tier a weight above 0");
    }

    @Test
    void aFanOutNeedsACountAndNotRows() {
        assertThatThrownBy(() -> parse("tables:\n  t:\n    per: parents\n"))
                .hasMessage("Generator config gen.yaml, line 3, key tables.t.per: per needs a count: how many rows "
                        + "for each parent row, e.g. count: 1-3");
        assertThatThrownBy(() -> parse("tables:\n  t:\n    rows: 5\n    per: parents\n    count: 2\n"))
                .hasMessage("Generator config gen.yaml, line 3, key tables.t.rows: a table gets either rows (a "
                        + "number) or per (a fan-out for each parent row) with count, not both");
    }

    @Test
    void aKeyGivenTwiceIsRefused() {
        assertThatThrownBy(() -> parse("tables:\n  t:\n    rows: 5\n    rows: 6\n"))
                .hasMessage("Generator config gen.yaml, line 4, key tables.t.rows: the key is given twice in the same "
                        + "map; keep one");
    }

    @Test
    void malformedYamlNamesTheLine() {
        assertThatThrownBy(() -> parse("tables:\n  t: [a\n  u: 1\n"))
                .hasMessageStartingWith("Generator config gen.yaml, line 3 is not valid YAML: ");
    }

    @Test
    void aFileThatCannotBeReadSaysWhere(@TempDir Path dir) {
        Path missing = dir.resolve("missing.yaml");
        assertThatThrownBy(() -> GeneratorConfig.load(missing))
                .hasMessageStartingWith("Could not read generator config " + missing + ": ");
    }

    @Test
    void aFileIsNamedByItsPath(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("seed.yaml"), "seed: 3\ntables:\n  t: {rows: 1, colums: {}}\n");
        assertThatThrownBy(() -> GeneratorConfig.load(file))
                .hasMessageStartingWith("Generator config " + file + ", line 3, key tables.t.colums: unknown key");
    }

    @Test
    void aWellFormedFileKeepsItsSeed() {
        assertThat(parse("seed: 12\n").seed()).hasValue(12);
        assertThat(parse("tables: {}\n").seed()).isEmpty();
    }

    private static GeneratorConfig parse(String yaml) {
        return GeneratorConfig.parse(yaml, "gen.yaml");
    }
}
