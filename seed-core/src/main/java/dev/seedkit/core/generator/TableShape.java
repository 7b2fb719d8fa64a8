package dev.seedkit.core.generator;

import dev.seedkit.core.schema.ForeignKey;
import dev.seedkit.core.schema.TableName;
import java.util.List;

/**
 * How many rows a table gets and how they are arranged: a plain count, or a fan-out of groups, one per row of a
 * parent table, each as large as its count rule draws for that parent (by the parent's tier if asked). Rows may
 * carry a tier, their own (dealt out by {@link Tiers}) or their group parent's. All of it is a pure function of the
 * row number, so any row can be placed without generating the ones before it; locating a row in a fan-out reads one
 * checkpoint per 64 parents, so memory stays a small fraction of the parent's row count.
 */
final class TableShape {

    /** Where a row sits in a fan-out: its parent row, its position in the group, the group's size and first row. */
    static final class Group {
        long parent;
        long position;
        long size;
        long start;
    }

    private static final int BLOCK = 64;

    private final TableName name;
    private final long rows;
    private final TableShape parent;
    private final ForeignKey perKey;
    private final long[] low;
    private final long[] high;
    private final Random64 counts;
    private final long[] checkpoints;
    private Tiers tiers;

    private TableShape(TableName name, long rows, TableShape parent, ForeignKey perKey, long[] low, long[] high,
            Random64 counts, long[] checkpoints) {
        this.name = name;
        this.rows = rows;
        this.parent = parent;
        this.perKey = perKey;
        this.low = low;
        this.high = high;
        this.counts = counts;
        this.checkpoints = checkpoints;
    }

    /** A table of {@code rows} rows. */
    static TableShape ofRows(TableName name, long rows) {
        return new TableShape(name, rows, null, null, null, null, null, null);
    }

    /**
     * A fan-out of {@code parent}: for each parent row, a count drawn from {@code [low[t], high[t]]} where t is the
     * parent row's tier (one entry when the count does not depend on tiers).
     */
    static TableShape fanOut(TableName name, TableShape parent, ForeignKey perKey, long[] low, long[] high,
            long seed) {
        Random64 counts = Random64.of(seed, name.toString(), "#count");
        TableShape shape = new TableShape(name, 0, parent, perKey, low, high, counts, null);
        long parentRows = parent.rows();
        long[] checkpoints = new long[(int) ((parentRows + BLOCK - 1) / BLOCK) + 1];
        long total = 0;
        for (long p = 0; p < parentRows; p++) {
            if (p % BLOCK == 0) {
                checkpoints[(int) (p / BLOCK)] = total;
            }
            total += shape.count(p);
        }
        checkpoints[checkpoints.length - 1] = total;
        return new TableShape(name, total, parent, perKey, low, high, counts, checkpoints);
    }

    void tiers(List<String> names, double[] weights, long seed) {
        this.tiers = new Tiers(names, weights, rows, Random64.key(seed, name.toString(), "#tiers"));
    }

    TableName name() {
        return name;
    }

    long rows() {
        return rows;
    }

    boolean isFanOut() {
        return parent != null;
    }

    /** The parent of a fan-out; null otherwise. */
    TableShape parent() {
        return parent;
    }

    /** The foreign key the fan-out follows; null otherwise. */
    ForeignKey perKey() {
        return perKey;
    }

    /** The table's own tiers; null when it has none. */
    Tiers ownTiers() {
        return tiers;
    }

    /** The tier names its rows carry, own or inherited; empty when none. */
    List<String> tierNames() {
        if (tiers != null) {
            return tiers.names();
        }
        return parent != null ? parent.tierNames() : List.of();
    }

    /** The tier of row {@code row}, own or its group parent's; -1 when the table has none. */
    int tierOf(long row) {
        if (tiers != null) {
            return tiers.of(row);
        }
        if (parent == null || parent.tierNames().isEmpty()) {
            return -1;
        }
        Group group = new Group();
        locate(row, group);
        return parent.tierOf(group.parent);
    }

    /** How many rows parent row {@code parentRow} gets (a fan-out only). */
    long count(long parentRow) {
        int tier = low.length == 1 ? 0 : parent.tierOf(parentRow);
        return counts.at(parentRow).between(low[tier], high[tier]);
    }

    /** Whether the count depends on the parent row's tier (a fan-out only). */
    boolean countByTier() {
        return low.length > 1;
    }

    /** The configured count range for parent tier {@code tier} (0 when the count does not depend on tiers). */
    long low(int tier) {
        return low[tier];
    }

    long high(int tier) {
        return high[tier];
    }

    /** The smallest count any parent row can get (a fan-out only). */
    long minCount() {
        long min = Long.MAX_VALUE;
        for (long value : low) {
            min = Math.min(min, value);
        }
        return min;
    }

    /** The largest count any parent row can get (a fan-out only). */
    long maxCount() {
        long max = 0;
        for (long value : high) {
            max = Math.max(max, value);
        }
        return max;
    }

    /** The first row of parent row {@code parentRow}'s group (a fan-out only). */
    long groupStart(long parentRow) {
        int block = (int) (parentRow / BLOCK);
        long start = checkpoints[block];
        for (long p = (long) block * BLOCK; p < parentRow; p++) {
            start += count(p);
        }
        return start;
    }

    /** Fills {@code group} with the place of row {@code row} (a fan-out only). */
    void locate(long row, Group group) {
        if (group.size > 0 && row >= group.start && row < group.start + group.size) {
            group.position = row - group.start;
            return;
        }
        int lowBlock = 0;
        int highBlock = checkpoints.length - 2;
        while (lowBlock < highBlock) {
            int middle = (lowBlock + highBlock + 1) >>> 1;
            if (checkpoints[middle] <= row) {
                lowBlock = middle;
            } else {
                highBlock = middle - 1;
            }
        }
        long start = checkpoints[lowBlock];
        long p = (long) lowBlock * BLOCK;
        long size = count(p);
        while (start + size <= row) {
            start += size;
            size = count(++p);
        }
        group.parent = p;
        group.start = start;
        group.size = size;
        group.position = row - start;
    }

    @Override
    public String toString() {
        return name + " (" + rows + " rows" + (parent != null ? " per " + parent.name : "") + ")";
    }
}
