package dev.seedkit.core.generator;

/**
 * One row being made: its number, its place in a fan-out, its tier, and the values of its columns, each computed
 * on first use and kept until the row changes (so that {@code after: created_at} and {@code {first_name}} see the
 * same value the row gets). Foreign-key columns read their parent row's key through a view of the parent table,
 * one per foreign key, created on first use. A generator writes rows through one instance, repositioned for each
 * row; lookups use their own instances. Not thread-safe.
 */
final class Row {

    private static final int MAX_DEPTH = 64;

    private final TablePlan plan;
    private final int depth;
    private final Slot[] slots;
    private final int[] evaluatedAt;
    private final int[] choiceAt;
    private final long[] choice;
    private final boolean[] nulled;
    private final Row[] views;
    private final TableShape.Group group = new TableShape.Group();
    private int epoch = 1;
    private long index = -1;
    private boolean groupKnown;
    private int tier = -2;
    private int element;

    Row(TablePlan plan) {
        this(plan, 0);
    }

    private Row(TablePlan plan, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException("Foreign keys of " + plan.name() + " lead back to its own keys more than "
                    + MAX_DEPTH + " levels deep; a key column cannot depend on itself through foreign keys");
        }
        this.plan = plan;
        this.depth = depth;
        int columns = plan.columnCount();
        this.slots = new Slot[columns];
        for (int i = 0; i < columns; i++) {
            slots[i] = new Slot();
        }
        this.evaluatedAt = new int[columns];
        int references = plan.references().size();
        this.choiceAt = new int[references];
        this.choice = new long[references];
        this.nulled = new boolean[references];
        this.views = new Row[references];
    }

    TablePlan plan() {
        return plan;
    }

    /** Positions the row on row number {@code row} (0-based); values are computed again on use. */
    Row at(long row) {
        if (row != index) {
            index = row;
            epoch++;
            groupKnown = false;
            tier = -2;
        }
        return this;
    }

    /** Positions the row where a sequential walk of a fan-out already knows its group. */
    Row at(long row, long parent, long position, long size, int parentTier) {
        index = row;
        epoch++;
        group.parent = parent;
        group.position = position;
        group.size = size;
        group.start = row - position;
        groupKnown = true;
        tier = plan.shape().ownTiers() != null ? plan.shape().ownTiers().of(row) : parentTier;
        return this;
    }

    /**
     * The array element being made (1, 2, ...), or 0: rules draw from a different point of their stream for each
     * element, so the elements of one array differ.
     */
    int element() {
        return element;
    }

    void element(int number) {
        element = number;
    }

    /** The row number, from 0. */
    long index() {
        return index;
    }

    /** The row's group in a fan-out; for a plain table, the whole table as one group. */
    TableShape.Group group() {
        if (!groupKnown) {
            TableShape shape = plan.shape();
            if (shape.isFanOut()) {
                shape.locate(index, group);
            } else {
                group.parent = -1;
                group.start = 0;
                group.size = shape.rows();
                group.position = index;
            }
            groupKnown = true;
        }
        return group;
    }

    /** The row's tier (own or inherited); -1 when the table has none. */
    int tier() {
        if (tier == -2) {
            tier = plan.shape().tierOf(index);
        }
        return tier;
    }

    /** The value of column {@code column} (its index in the table), computed once per row. */
    Slot value(int column) {
        Slot slot = slots[column];
        if (evaluatedAt[column] != epoch) {
            plan.rule(column).fill(this, slot);
            evaluatedAt[column] = epoch;
        }
        return slot;
    }

    /** The parent row chosen by reference {@code id} for this row, or -1 for none; chosen once per row. */
    long chosen(Reference reference) {
        int id = reference.id();
        if (choiceAt[id] != epoch) {
            nulled[id] = reference.decideNull(this);
            choice[id] = reference.choose(this);
            choiceAt[id] = epoch;
        }
        return choice[id];
    }

    /** Whether reference {@code reference} is switched off by NULLs in this row. */
    boolean nulled(Reference reference) {
        chosen(reference);
        return nulled[reference.id()];
    }

    /** A view of the parent table of {@code reference}, for reading the chosen parent row's key. */
    Row view(Reference reference) {
        Row view = views[reference.id()];
        if (view == null) {
            view = new Row(reference.parent(), depth + 1);
            views[reference.id()] = view;
        }
        return view;
    }
}
