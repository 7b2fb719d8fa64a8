package dev.seedkit.core.generator;

import dev.seedkit.core.schema.Column;
import dev.seedkit.core.schema.ForeignKey;
import dev.seedkit.core.schema.Table;
import dev.seedkit.core.schema.TableName;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One generated table, compiled: its shape (rows, fan-out, tiers), the type and rule of each column, which columns
 * COPY writes (all but generated ones), and its foreign keys as {@link Reference}s. Built in two steps, because
 * rules of one table refer to the plans of others (cycles included): created empty, then filled by
 * {@link TableCompiler}; frozen before any row is made.
 */
final class TablePlan {

    private final Table table;
    private final TableShape shape;
    private final List<ColumnType> types;
    private final Rule[] rules;
    private final boolean[] written;
    private final List<Reference> references = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private Double duplicates;
    private IdRange ids;
    private int idColumn = -1;

    TablePlan(Table table, TableShape shape, List<ColumnType> types) {
        this.table = table;
        this.shape = shape;
        this.types = List.copyOf(types);
        this.rules = new Rule[table.columns().size()];
        this.written = new boolean[table.columns().size()];
    }

    TableName name() {
        return table.name();
    }

    Table table() {
        return table;
    }

    TableShape shape() {
        return shape;
    }

    long rows() {
        return shape.rows();
    }

    int columnCount() {
        return rules.length;
    }

    Column column(int index) {
        return table.columns().get(index);
    }

    /** The index of the column named {@code name}, or -1. */
    int columnIndex(String name) {
        for (int i = 0; i < rules.length; i++) {
            if (column(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    ColumnType type(int index) {
        return types.get(index);
    }

    Rule rule(int index) {
        return rules[index];
    }

    void rule(int index, Rule rule, boolean write) {
        rules[index] = rule;
        written[index] = write;
    }

    /** Whether COPY writes the column (generated columns, and columns left to their default, are not). */
    boolean written(int index) {
        return written[index];
    }

    /** The written columns' indexes, in table order. */
    int[] writtenColumns() {
        return IntStream.range(0, rules.length).filter(i -> written[i]).toArray();
    }

    List<Reference> references() {
        return references;
    }

    Reference addReference(ForeignKey foreignKey, TablePlan parent, ExistingRows existing,
            ParentChoice choice, double nullFraction, Random64 nulls) {
        Reference reference = new Reference(references.size(), foreignKey, parent, existing, choice, nullFraction,
                nulls);
        references.add(reference);
        return reference;
    }

    /** Remarks for the dry run: guesses made, constraints not understood. */
    List<String> notes() {
        return notes;
    }

    Double duplicates() {
        return duplicates;
    }

    void duplicates(Double share) {
        this.duplicates = share;
    }

    /** The configured id range and the column it applies to, if any. */
    IdRange ids() {
        return ids;
    }

    int idColumn() {
        return idColumn;
    }

    void ids(IdRange range, int column) {
        this.ids = range;
        this.idColumn = column;
    }

    @Override
    public String toString() {
        return shape.toString();
    }
}
