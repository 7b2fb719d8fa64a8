package dev.seedkit.core.generator;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The text of a {@link GenerationReport}: a table of rows per table, then each validation, in plain lines. */
final class ReportText {

    private ReportText() {
    }

    static String render(GenerationReport report) {
        StringBuilder text = new StringBuilder();
        if (report.dryRun()) {
            text.append(format("Dry run: would generate %,d rows in %d tables (seed %d); nothing was written%n",
                    report.rows(), report.tables().size(), report.seed()));
        } else {
            text.append(format("Generated %,d rows in %d tables in %.2f s (%,.0f rows/s), seed %d, foreign-key "
                    + "triggers %s%n", report.rows(), report.tables().size(), report.elapsed().toNanos() / 1e9,
                    report.rowsPerSecond(), report.seed(), report.triggersOff() ? "off (orphans checked after)"
                    : "on"));
        }
        tables(text, report);
        foreignKeys(text, report.foreignKeys(), report.dryRun());
        for (GenerationReport.IdRangeCheck ids : report.idRanges()) {
            text.append(format("Ids of %s.%s: %s to %s, configured %s: %s%n", ids.table(), ids.column(), ids.min(),
                    ids.max(), ids.configured(), ids.inside() ? "inside" : "OUTSIDE"));
        }
        tierShares(text, report.tierShares());
        fanOuts(text, report.fanOuts());
        for (Map.Entry<String, String> untouched : report.untouched().entrySet()) {
            text.append("Left as it is: ").append(untouched.getKey()).append(" (").append(untouched.getValue())
                    .append(")\n");
        }
        report.notes().forEach(note -> text.append("Note: ").append(note).append('\n'));
        return text.toString();
    }

    private static void tables(StringBuilder text, GenerationReport report) {
        int width = Math.max(5, report.tables().stream().mapToInt(t -> t.table().length()).max().orElse(5));
        text.append(format("  %-" + width + "s %12s%s%n", "table", "rows", report.dryRun() ? "" : "        ms"));
        for (GenerationReport.TableReport table : report.tables()) {
            text.append(format("  %-" + width + "s %,12d%s%n", table.table(), table.rows(), report.dryRun() ? ""
                    : format(" %,9d", table.elapsed().toMillis())));
        }
    }

    private static void foreignKeys(StringBuilder text, List<GenerationReport.ForeignKeyCheck> checks,
            boolean dryRun) {
        if (dryRun) {
            return;
        }
        long bad = checks.stream().filter(c -> c.orphans() > 0).count();
        text.append(format("Foreign keys: %d checked, %s%n", checks.size(), bad == 0 ? "no orphans"
                : bad + " with orphans"));
        for (GenerationReport.ForeignKeyCheck check : checks) {
            if (check.orphans() > 0) {
                text.append(format("  %s %s: %,d orphans%n", check.name(), check.reference(), check.orphans()));
            }
        }
    }

    private static void tierShares(StringBuilder text, List<GenerationReport.TierShare> shares) {
        String table = null;
        for (GenerationReport.TierShare share : shares) {
            if (!share.table().equals(table)) {
                table = share.table();
                text.append("Tiers of ").append(table).append(":\n");
            }
            text.append(format("  %-12s %,9d rows  %6s  (configured %s)%n", share.tier(), share.rows(),
                    TierStatistics.percent(share.share()), TierStatistics.percent(share.configuredShare())));
        }
    }

    private static void fanOuts(StringBuilder text, List<GenerationReport.FanOut> fanOuts) {
        String table = null;
        for (GenerationReport.FanOut fanOut : fanOuts) {
            if (!fanOut.table().equals(table)) {
                table = fanOut.table();
                text.append("Rows of ").append(table).append(" per row of ").append(fanOut.parent()).append(":\n");
            }
            text.append(format("  %-12s configured %s, got %,d parents, %,d rows: %d-%d per parent (mean %.2f)%n",
                    fanOut.tier(), fanOut.configuredMin() == fanOut.configuredMax() ? Long.toString(
                    fanOut.configuredMin()) : fanOut.configuredMin() + "-" + fanOut.configuredMax(), fanOut.parents(),
                    fanOut.rows(), fanOut.min(), fanOut.max(), fanOut.mean()));
        }
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
