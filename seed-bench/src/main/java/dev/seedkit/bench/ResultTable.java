package dev.seedkit.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The printed result: sections, each with rows of a label, the median with min–max and number of runs, an optional
 * ratio to a reference row, and a note; and free-text notes under a section.
 */
final class ResultTable {

    private final List<Line> lines = new ArrayList<>();

    private enum Kind { SECTION, ROW, NOTE }

    private record Line(Kind kind, String label, String median, String range, String ratio, String runs,
                        String note) {
        static Line text(Kind kind, String text) {
            return new Line(kind, text, "", "", "", "", "");
        }
    }

    void section(String title) {
        lines.add(Line.text(Kind.SECTION, title));
    }

    /** A measured row; {@code reference} (may be null) gives the ratio column as this median / its median. */
    void row(String label, Timings timings, Timings reference, String note) {
        String ratio = reference == null ? "" : ratio(timings.median(), reference.median());
        lines.add(new Line(Kind.ROW, label, duration(timings.median()), duration(timings.min()) + " – "
                + duration(timings.max()), ratio, Integer.toString(timings.runs()), note));
    }

    /** A row with a single value that is not a time, e.g. a heap size. */
    void value(String label, String value, String note) {
        lines.add(new Line(Kind.ROW, label, value, "", "", "", note));
    }

    /** A line of text under the current section. */
    void note(String text) {
        lines.add(Line.text(Kind.NOTE, "  " + text));
    }

    /** Every row label, in order (not the section titles or notes). */
    List<String> labels() {
        return lines.stream().filter(l -> l.kind() == Kind.ROW).map(Line::label).toList();
    }

    String render() {
        int width = lines.stream().filter(l -> l.kind() == Kind.ROW).mapToInt(l -> l.label().length()).max()
                .orElse(10) + 2;
        String format = "  %-" + width + "s %10s  %-21s %7s %5s  %s%n";
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, format, "measurement", "median", "min – max", "ratio", "runs", "note"));
        for (Line line : lines) {
            if (line.kind() != Kind.ROW) {
                out.append(line.kind() == Kind.SECTION ? "\n" : "").append(line.label()).append('\n');
            } else {
                out.append(String.format(Locale.ROOT, format, line.label(), line.median(), line.range(),
                        line.ratio(), line.runs(), line.note()).stripTrailing()).append('\n');
            }
        }
        return out.toString();
    }

    static String ratio(long value, long reference) {
        return String.format(Locale.ROOT, "%.2fx", (double) value / reference);
    }

    /** 0.42 ms, 12.3 ms, 4.56 s. */
    static String duration(long nanos) {
        double millis = nanos / 1e6;
        if (millis < 10) {
            return String.format(Locale.ROOT, "%.2f ms", millis);
        }
        if (millis < 1000) {
            return String.format(Locale.ROOT, "%.1f ms", millis);
        }
        return String.format(Locale.ROOT, "%.2f s", millis / 1000);
    }
}
