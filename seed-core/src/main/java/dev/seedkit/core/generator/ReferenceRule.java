package dev.seedkit.core.generator;

/**
 * A foreign-key column's value: the referenced column of the parent row its {@link Reference} chose, read through
 * a view of the parent table (or from the parent's existing rows); NULL where the reference is switched off and the
 * column accepts NULL.
 */
record ReferenceRule(Reference reference, int parentColumn, boolean nullable) implements Rule {

    @Override
    public void fill(Row row, Slot out) {
        long parent = row.chosen(reference);
        if (parent < 0 || (nullable && row.nulled(reference))) {
            out.setNull();
        } else if (reference.parent() != null) {
            out.copyFrom(row.view(reference).at(parent).value(parentColumn));
        } else {
            out.setText(reference.existing().value(parent, parentColumn));
        }
    }
}
