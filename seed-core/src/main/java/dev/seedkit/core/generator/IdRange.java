package dev.seedkit.core.generator;

/**
 * A table's {@code ids}: the range its integer key takes, {@code 1000-1999} or just a first id ({@code 1000}).
 * Rows are numbered from the first id up; more rows than the range holds is a configuration error, and the
 * validation after generation checks that every id stayed inside.
 */
record IdRange(long first, Long last, YamlNode node) {

    static IdRange parse(YamlNode node) {
        Scalars.NumberRange range = Scalars.numberRange(node);
        if (!range.whole()) {
            throw node.error("ids are whole numbers, e.g. 1000-1999, found " + node.describe());
        }
        boolean single = node.kind() == YamlNode.Kind.NUMBER;
        return new IdRange(range.lowLong(), single ? null : range.highLong(), node);
    }

    /** How many ids the range holds; {@code Long.MAX_VALUE} when open-ended. */
    long size() {
        return last == null ? Long.MAX_VALUE : last - first + 1;
    }

    @Override
    public String toString() {
        return last == null ? first + " and up" : first + "-" + last;
    }
}
