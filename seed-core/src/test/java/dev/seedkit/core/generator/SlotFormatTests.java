package dev.seedkit.core.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SlotFormatTests {

    @Test
    void datesAndTimestampsMatchJavaTimeOverCenturies() {
        for (long day = -150_000; day <= 150_000; day += 37) {
            StringBuilder text = new StringBuilder();
            Moments.appendDate(text, day);
            assertThat(text.toString()).isEqualTo(LocalDate.ofEpochDay(day).toString());
        }
        StringBuilder text = new StringBuilder();
        Moments.appendTimestamp(text, LocalDateTime.of(2024, 2, 29, 23, 59, 7).toEpochSecond(ZoneOffset.UTC));
        assertThat(text).hasToString("2024-02-29 23:59:07");
    }

    @Test
    void copyTextEscapesAndTypesFormat() {
        StringBuilder text = new StringBuilder();
        SlotFormat.appendCopy(text, new Slot().setText("a\tb\\c\nd"), ColumnType.scalar("text"));
        text.append('|');
        SlotFormat.appendCopy(text, new Slot().setScaled(-1205, 2), ColumnType.scalar("numeric(8,2)"));
        text.append('|');
        SlotFormat.appendCopy(text, new Slot().setSecond(0), ColumnType.scalar("timestamp with time zone"));
        text.append('|');
        SlotFormat.appendCopy(text, new Slot().setNull(), ColumnType.scalar("text"));
        text.append('|');
        SlotFormat.appendCopy(text, new Slot().setText("abcdef"), ColumnType.scalar("character varying(4)"));

        assertThat(text).hasToString("a\\tb\\\\c\\nd|-12.05|1970-01-01 00:00:00+00|\\N|abcd");
    }

    @Test
    void arrayElementsAreQuotedOnlyWhenTheyMustBe() {
        assertThat(StructuredRules.arrayElement("plain")).isEqualTo("plain");
        assertThat(StructuredRules.arrayElement("")).isEqualTo("\"\"");
        assertThat(StructuredRules.arrayElement("null")).isEqualTo("\"null\"");
        assertThat(StructuredRules.arrayElement("a \"b\", {c}\\")).isEqualTo("\"a \\\"b\\\", {c}\\\\\"");
    }
}
