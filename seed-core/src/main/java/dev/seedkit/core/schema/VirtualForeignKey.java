package dev.seedkit.core.schema;

import dev.seedkit.core.SeedException;
import java.util.List;
import java.util.Objects;

/**
 * A reference the database does not declare, such as a {@code customer_ref} column that holds customer ids
 * without a constraint. Added with {@link Schema#withVirtualForeignKeys}, it joins the foreign-key graph like a
 * real one: exports follow it and loads order its parent first. The database never checks it, so when it closes a
 * cycle the plan simply drops it from the order.
 *
 * <p>Its textual form, read by {@link #parse} and printed by {@link #toString()}, is
 * {@code public.orders(customer_ref) -> public.customers(id)}: schema-qualified tables, comma-separated columns.
 * As in SQL, bare names are folded to lower case and double-quoted names are taken as written
 * ({@code sales."Order Items"("Customer Ref")}).
 */
public final class VirtualForeignKey {

    private final TableName child;
    private final List<String> childColumns;
    private final TableName parent;
    private final List<String> parentColumns;

    private VirtualForeignKey(TableName child, List<String> childColumns, TableName parent,
            List<String> parentColumns) {
        this.child = Objects.requireNonNull(child, "child");
        this.childColumns = List.copyOf(childColumns);
        this.parent = Objects.requireNonNull(parent, "parent");
        this.parentColumns = List.copyOf(parentColumns);
        if (this.childColumns.isEmpty() || this.childColumns.size() != this.parentColumns.size()) {
            throw new SeedException(SeedException.Code.CONFIGURATION, "Virtual foreign key " + this
                    + " has " + this.childColumns.size() + " referencing and " + this.parentColumns.size()
                    + " referenced columns; give the same number (at least one) on both sides");
        }
    }

    /** A virtual foreign key from {@code child(childColumns)} to {@code parent(parentColumns)}. */
    public static VirtualForeignKey of(TableName child, List<String> childColumns, TableName parent,
            List<String> parentColumns) {
        return new VirtualForeignKey(child, childColumns, parent, parentColumns);
    }

    /**
     * Reads the textual form, e.g. {@code public.orders(customer_ref) -> public.customers(id)}.
     *
     * @throws SeedException {@link SeedException.Code#CONFIGURATION} naming the position and what was expected
     */
    public static VirtualForeignKey parse(String text) {
        return new VirtualForeignKeyParser(text).parse();
    }

    public TableName child() {
        return child;
    }

    public List<String> childColumns() {
        return childColumns;
    }

    public TableName parent() {
        return parent;
    }

    public List<String> parentColumns() {
        return parentColumns;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof VirtualForeignKey)) {
            return false;
        }
        VirtualForeignKey other = (VirtualForeignKey) o;
        return child.equals(other.child) && childColumns.equals(other.childColumns) && parent.equals(other.parent)
                && parentColumns.equals(other.parentColumns);
    }

    @Override
    public int hashCode() {
        return Objects.hash(child, childColumns, parent, parentColumns);
    }

    /** The textual form {@link #parse} reads. */
    @Override
    public String toString() {
        return ForeignKey.reference(child, childColumns, parent, parentColumns);
    }
}
