package dev.seedkit.core.generator;

/**
 * Visits a generated table's rows in order, positioning a {@link Row} on each: a plain table row by row, a fan-out
 * group by group (parent by parent), so that each row's group and inherited tier are known without a lookup.
 */
final class RowWalk {

    /** What to do with each row. */
    @FunctionalInterface
    interface Visitor {
        void visit(Row row) throws Exception;
    }

    private RowWalk() {
    }

    static void walk(TablePlan plan, Row row, Visitor visitor) throws Exception {
        TableShape shape = plan.shape();
        if (!shape.isFanOut()) {
            for (long r = 0; r < shape.rows(); r++) {
                visitor.visit(row.at(r));
            }
            return;
        }
        TableShape parent = shape.parent();
        boolean inherited = shape.ownTiers() == null && !parent.tierNames().isEmpty();
        long r = 0;
        for (long p = 0; p < parent.rows(); p++) {
            long count = shape.count(p);
            int tier = inherited && count > 0 ? parent.tierOf(p) : -1;
            for (long k = 0; k < count; k++) {
                visitor.visit(row.at(r++, p, k, count, tier));
            }
        }
    }
}
