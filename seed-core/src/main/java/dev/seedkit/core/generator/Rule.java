package dev.seedkit.core.generator;

/**
 * How one column's value (or a part of one: a JSON field, an array element) is made for a row: a pure function of
 * the row (its number, its group, its tier, the other columns it depends on) and the rule's own random stream.
 */
interface Rule {

    /** Sets {@code out} to the value for {@code row}. */
    void fill(Row row, Slot out);

    /** Whether different rows always get different values (a sequence, a pattern with {@code {n}}, a UUID). */
    default boolean distinctPerRow() {
        return false;
    }
}
