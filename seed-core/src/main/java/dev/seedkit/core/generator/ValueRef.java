package dev.seedkit.core.generator;

/**
 * A value another rule reads: a column of the same row ({@code created_at}), or a column of the row a foreign key
 * points at ({@code account_id.created_at}), as written in patterns and {@code after}.
 */
interface ValueRef {

    /** The value for {@code row}; a NULL slot when the reference is NULL. */
    Slot get(Row row);

    /** The type of the value. */
    ColumnType type();

    /** A column of the same row. */
    static ValueRef sameRow(int column, ColumnType type) {
        return new ValueRef() {
            @Override
            public Slot get(Row row) {
                return row.value(column);
            }

            @Override
            public ColumnType type() {
                return type;
            }
        };
    }

    /** A column of the parent row that {@code reference} chose for the row. */
    static ValueRef throughParent(Reference reference, int parentColumn, ColumnType type) {
        Slot none = new Slot();
        return new ValueRef() {
            @Override
            public Slot get(Row row) {
                long parent = row.chosen(reference);
                if (parent < 0) {
                    return none.setNull();
                }
                return row.view(reference).at(parent).value(parentColumn);
            }

            @Override
            public ColumnType type() {
                return type;
            }
        };
    }
}
