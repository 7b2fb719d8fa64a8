package dev.seedkit.core.generator;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a generation did (or, for a dry run, would do): rows per table in load order, and the validation of the
 * result: orphans per foreign key, the id ranges written, each tier's share and each fan-out's rows per parent next
 * to the configuration. {@link #render()} prints it for people. Immutable.
 */
public final class GenerationReport {

    /** One table's rows and how long writing them took (zero in a dry run). */
    public record TableReport(String table, long rows, Duration elapsed) {
    }

    /** The rows of a foreign key's child table that reference nothing (0 after every successful generation). */
    public record ForeignKeyCheck(String name, String reference, long orphans) {
    }

    /** The ids written into a table with configured {@code ids}; {@code min} and {@code max} are null if empty. */
    public record IdRangeCheck(String table, String column, String configured, Long min, Long max, boolean inside) {
    }

    /** One tier of a table: its configured share, and the rows and share it got. */
    public record TierShare(String table, String tier, double configuredShare, long rows, double share) {
    }

    /**
     * One fan-out, for one tier of the parent ({@code all} when the count does not depend on tiers): the configured
     * count range, and how many parent rows, rows, and fewest and most rows per parent it got.
     */
    public record FanOut(String table, String parent, String tier, long configuredMin, long configuredMax,
                         long parents, long rows, long min, long max) {
        /** Rows per parent row, on average. */
        public double mean() {
            return parents == 0 ? 0 : (double) rows / parents;
        }
    }

    private final long seed;
    private final boolean dryRun;
    private final boolean triggersOff;
    private final String plan;
    private final List<TableReport> tables;
    private final Map<String, String> untouched;
    private final List<ForeignKeyCheck> foreignKeys;
    private final List<IdRangeCheck> idRanges;
    private final List<TierShare> tierShares;
    private final List<FanOut> fanOuts;
    private final List<String> notes;
    private final Duration elapsed;

    GenerationReport(long seed, boolean dryRun, boolean triggersOff, String plan, List<TableReport> tables,
            Map<String, String> untouched, Validated validated, List<String> notes, Duration elapsed) {
        this.seed = seed;
        this.dryRun = dryRun;
        this.triggersOff = triggersOff;
        this.plan = plan;
        this.tables = List.copyOf(tables);
        this.untouched = Map.copyOf(untouched);
        this.foreignKeys = List.copyOf(validated.foreignKeys());
        this.idRanges = List.copyOf(validated.idRanges());
        this.tierShares = List.copyOf(validated.tierShares());
        this.fanOuts = List.copyOf(validated.fanOuts());
        this.notes = List.copyOf(notes);
        this.elapsed = elapsed;
    }

    /** The checks after generation, bundled. */
    record Validated(List<ForeignKeyCheck> foreignKeys, List<IdRangeCheck> idRanges, List<TierShare> tierShares,
                     List<FanOut> fanOuts) {
    }

    /** The seed every value was derived from. */
    public long seed() {
        return seed;
    }

    /** Whether nothing was written: the report of {@link DataGenerator#dryRun}. */
    public boolean dryRun() {
        return dryRun;
    }

    /** Whether rows were written with foreign-key triggers off (then the orphan check proved integrity). */
    public boolean triggersOff() {
        return triggersOff;
    }

    /** The load plan the tables were written in, as {@code LoadPlan.toText()} prints it. */
    public String plan() {
        return plan;
    }

    /** Generated tables in the order they were written. */
    public List<TableReport> tables() {
        return tables;
    }

    /** Tables left as they were, with the reason ({@code existing: true}, {@code rows: 0}, ...). */
    public Map<String, String> untouched() {
        return untouched;
    }

    public List<ForeignKeyCheck> foreignKeys() {
        return foreignKeys;
    }

    public List<IdRangeCheck> idRanges() {
        return idRanges;
    }

    public List<TierShare> tierShares() {
        return tierShares;
    }

    public List<FanOut> fanOuts() {
        return fanOuts;
    }

    /** Remarks: checks the generator did not understand, guesses it made. */
    public List<String> notes() {
        return notes;
    }

    /** Rows over all generated tables. */
    public long rows() {
        return tables.stream().mapToLong(TableReport::rows).sum();
    }

    /** The rows of {@code table} ({@code schema.table}); 0 if it was not generated. */
    public long rows(String table) {
        return tables.stream().filter(t -> t.table().equals(table)).mapToLong(TableReport::rows).sum();
    }

    /** Wall time of the whole run: reading the schema, writing, validating, committing. */
    public Duration elapsed() {
        return elapsed;
    }

    /** Rows per second over {@link #elapsed()}. */
    public double rowsPerSecond() {
        return elapsed.isZero() ? 0 : rows() / (elapsed.toNanos() / 1e9);
    }

    /** Whether validation found nothing wrong: no orphans and every id inside its range. */
    public boolean ok() {
        return foreignKeys.stream().allMatch(c -> c.orphans() == 0) && idRanges.stream().allMatch(
                IdRangeCheck::inside);
    }

    /** The report as text: tables, then the validation, then notes. */
    public String render() {
        return ReportText.render(this);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "GenerationReport[%s%,d rows in %d tables, seed %d]", dryRun ? "dry run, "
                : "", rows(), tables.size(), seed);
    }
}
