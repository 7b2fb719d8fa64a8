package dev.seedkit.core.schema;

import dev.seedkit.core.internal.Identifiers;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A reference from columns of a child table to columns of a parent table: a {@code FOREIGN KEY} constraint, or a
 * {@linkplain #virtual() virtual} one the user declared. Every foreign key is an edge of the graph that
 * {@link LoadPlan} orders: the parent loads before the child, unless the edge is part of a cycle.
 *
 * <p>A constraint declared only on a partition counts as a foreign key of the partitioned parent; a reference to
 * a partition counts as one to its partitioned parent.
 */
public final class ForeignKey {

    private final String name;
    private final TableName child;
    private final List<String> childColumns;
    private final TableName parent;
    private final List<String> parentColumns;
    private final boolean deferrable;
    private final boolean initiallyDeferred;
    private final boolean matchFull;
    private final boolean virtual;
    private final List<String> nullableColumns;

    ForeignKey(String name, TableName child, List<String> childColumns, TableName parent,
            List<String> parentColumns, Flags flags, List<String> nullableColumns) {
        this.name = Objects.requireNonNull(name, "name");
        this.child = Objects.requireNonNull(child, "child");
        this.childColumns = List.copyOf(childColumns);
        this.parent = Objects.requireNonNull(parent, "parent");
        this.parentColumns = List.copyOf(parentColumns);
        this.deferrable = flags.deferrable;
        this.initiallyDeferred = flags.initiallyDeferred;
        this.matchFull = flags.matchFull;
        this.virtual = flags.virtual;
        this.nullableColumns = List.copyOf(nullableColumns);
    }

    /** The constraint's name; for a virtual foreign key, its textual form. */
    public String name() {
        return name;
    }

    public TableName child() {
        return child;
    }

    /** The referencing columns, in constraint order. */
    public List<String> childColumns() {
        return childColumns;
    }

    public TableName parent() {
        return parent;
    }

    /** The referenced columns (a primary key or unique key of the parent), matching {@link #childColumns()}. */
    public List<String> parentColumns() {
        return parentColumns;
    }

    /** Whether the constraint is {@code DEFERRABLE}, so that {@code SET CONSTRAINTS ... DEFERRED} applies. */
    public boolean deferrable() {
        return deferrable;
    }

    /** Whether the constraint is {@code INITIALLY DEFERRED}. */
    public boolean initiallyDeferred() {
        return initiallyDeferred;
    }

    /** Whether the constraint is {@code MATCH FULL} (all columns NULL or none) rather than {@code MATCH SIMPLE}. */
    public boolean matchFull() {
        return matchFull;
    }

    /** Whether the user declared this reference; the database neither knows nor checks it. */
    public boolean virtual() {
        return virtual;
    }

    /** Whether any child column accepts NULL. */
    public boolean nullable() {
        return !nullableColumns.isEmpty();
    }

    /** Whether the reference goes from a table to itself. */
    public boolean selfReference() {
        return child.equals(parent);
    }

    /**
     * Whether a child row can be inserted with this reference switched off by NULLs: under {@code MATCH SIMPLE}
     * one NULL column is enough, under {@code MATCH FULL} every column must accept NULL.
     */
    public boolean insertableAsNull() {
        return matchFull ? nullableColumns.size() == childColumns.size() : nullable();
    }

    /**
     * The child columns an importer sets to NULL to insert a row before its parent exists, and updates once the
     * parent is in: the nullable columns under {@code MATCH SIMPLE}, all of them under {@code MATCH FULL}. Empty
     * unless {@link #insertableAsNull()}.
     */
    public List<String> columnsToNull() {
        return insertableAsNull() ? nullableColumns : List.of();
    }

    /** {@code schema.child(columns) -> schema.parent(columns)}, the form {@link VirtualForeignKey#parse} reads. */
    public String reference() {
        return reference(child, childColumns, parent, parentColumns);
    }

    static String reference(TableName child, List<String> childColumns, TableName parent,
            List<String> parentColumns) {
        return child + columnList(childColumns) + " -> " + parent + columnList(parentColumns);
    }

    private static String columnList(List<String> columns) {
        StringBuilder text = new StringBuilder("(");
        for (String column : columns) {
            text.append(text.length() > 1 ? ", " : "").append(Identifiers.display(column));
        }
        return text.append(')').toString();
    }

    /**
     * {@code foreignKeys} with each reference once, in order: of several constraints that tie the same columns to
     * the same parent columns in the same way (a partitioned table whose partitions each declare the key has one
     * per partition, all counting as the table's), the first, since the others check nothing it does not.
     */
    public static List<ForeignKey> distinctReferences(List<ForeignKey> foreignKeys) {
        Set<String> seen = new HashSet<>();
        return foreignKeys.stream().filter(fk -> seen.add(fk.reference() + (fk.matchFull ? " full" : "")
                + (fk.virtual ? " virtual" : ""))).toList();
    }

    /** Foreign keys are equal when all their properties are: the same constraint read twice is equal. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ForeignKey)) {
            return false;
        }
        ForeignKey other = (ForeignKey) o;
        return name.equals(other.name) && child.equals(other.child) && childColumns.equals(other.childColumns)
                && parent.equals(other.parent) && parentColumns.equals(other.parentColumns)
                && deferrable == other.deferrable && initiallyDeferred == other.initiallyDeferred
                && matchFull == other.matchFull && virtual == other.virtual
                && nullableColumns.equals(other.nullableColumns);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, child, childColumns, parent, parentColumns, virtual);
    }

    @Override
    public String toString() {
        return (virtual ? "virtual " : name + ": ") + reference();
    }

    /** The yes/no properties of a foreign key, bundled to keep the constructor readable. */
    static final class Flags {
        static final Flags PLAIN = new Flags(false, false, false, false);
        static final Flags VIRTUAL = new Flags(false, false, false, true);

        final boolean deferrable;
        final boolean initiallyDeferred;
        final boolean matchFull;
        final boolean virtual;

        Flags(boolean deferrable, boolean initiallyDeferred, boolean matchFull, boolean virtual) {
            this.deferrable = deferrable;
            this.initiallyDeferred = initiallyDeferred;
            this.matchFull = matchFull;
            this.virtual = virtual;
        }
    }
}
