package dev.seedkit.core.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The constraint definitions PostgreSQL prints, as {@code pg_get_constraintdef} writes them. */
class CheckParserTests {

    @Test
    void readsRangesWithCasts() {
        CheckParser.Facts facts = CheckParser.parse(
                "CHECK (((percent_off > (0)::numeric) AND (percent_off <= (100)::numeric)))");

        assertThat(facts.facts()).containsExactly(new CheckParser.Compare("percent_off", ">", "0", true),
                new CheckParser.Compare("percent_off", "<=", "100", true));
        assertThat(facts.notUnderstood()).isEmpty();
    }

    @Test
    void readsInListsOfTextAndVarchar() {
        assertThat(CheckParser.parse("CHECK ((status = ANY (ARRAY['a'::text, 'it''s'::text])))").facts())
                .containsExactly(new CheckParser.InList("status", List.of("a", "it's")));
        assertThat(CheckParser.parse("CHECK (((kind)::text = ANY ((ARRAY['x'::character varying, "
                + "'y'::character varying])::text[])))").facts())
                .containsExactly(new CheckParser.InList("kind", List.of("x", "y")));
    }

    @Test
    void readsOrsOfEqualitiesOnOneColumnAsAnInList() {
        assertThat(CheckParser.parse("CHECK (((size = 's'::text) OR (size = 'm'::text) OR (size = 'l'::text)))")
                .facts()).containsExactly(new CheckParser.InList("size", List.of("s", "m", "l")));
    }

    @Test
    void readsDatesNegativeNumbersAndFlippedComparisons() {
        assertThat(CheckParser.parse("CHECK ((starts_on >= '2020-01-01'::date))").facts())
                .containsExactly(new CheckParser.Compare("starts_on", ">=", "2020-01-01", false));
        assertThat(CheckParser.parse("CHECK (((-5) < delta))").facts())
                .containsExactly(new CheckParser.Compare("delta", ">", "-5", true));
    }

    @Test
    void readsLengthsColumnComparisonsNotNullAndDomainValues() {
        assertThat(CheckParser.parse("CHECK ((char_length(code) >= 3))").facts())
                .containsExactly(new CheckParser.Length("code", ">=", 3));
        assertThat(CheckParser.parse("CHECK ((ends_at > starts_at))").facts())
                .containsExactly(new CheckParser.Relation("ends_at", ">", "starts_at"));
        assertThat(CheckParser.parse("CHECK ((VALUE IS NOT NULL))").facts())
                .containsExactly(new CheckParser.NotNull("VALUE"));
        assertThat(CheckParser.parse("CHECK (((\"Order\" > 0)))").facts())
                .containsExactly(new CheckParser.Compare("Order", ">", "0", true));
    }

    @Test
    void keepsWhatItDoesNotUnderstandWithTheRest() {
        CheckParser.Facts facts = CheckParser.parse("CHECK (((price > (0)::numeric) AND (code ~ '^[A-Z]+$'::text)))");

        assertThat(facts.facts()).containsExactly(new CheckParser.Compare("price", ">", "0", true));
        assertThat(facts.notUnderstood()).hasSize(1);
        assertThat(CheckParser.parse("CHECK ((num_nonnulls(a, b) = 1))").facts()).isEmpty();
        assertThat(CheckParser.parse("CHECK (((a > 0) OR (b > 0)))").notUnderstood()).hasSize(1);
    }
}
