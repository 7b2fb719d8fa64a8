package dev.seedkit.core.generator;

/**
 * The rules that make single values: constants, sequences, ranges of numbers and moments, chances, UUIDs, picks
 * (uniform or weighted), values in turn, mixes of rules, rules by tree level, and the NULL share wrapped around
 * any of them.
 */
final class BasicRules {

    private BasicRules() {
    }

    /** The same value for every row. */
    record Constant(Slot value) implements Rule {
        @Override
        public void fill(Row row, Slot out) {
            out.copyFrom(value);
        }
    }

    /** {@code start + row * step}: distinct per row. */
    record Sequence(long start, long step) implements Rule {
        @Override
        public void fill(Row row, Slot out) {
            out.setLong(start + row.index() * step);
        }

        @Override
        public boolean distinctPerRow() {
            return true;
        }
    }

    /** A whole number in {@code [low, high]}. */
    record WholeRange(long low, long high, Random64 random) implements Rule {
        @Override
        public void fill(Row row, Slot out) {
            out.setLong(random.at(row).between(low, high));
        }
    }

    /** A decimal with {@code scale} digits after the point, in {@code [low, high]} (unscaled). */
    record DecimalRange(long low, long high, int scale, Random64 random) implements Rule {
        @Override
        public void fill(Row row, Slot out) {
            out.setScaled(random.at(row).between(low, high), scale);
        }
    }

    /** A float in {@code [low, high)}, rounded to three decimals. */
    record FloatRange(double low, double high, Random64 random) implements Rule {
        @Override
        public void fill(Row row, Slot out) {
            double value = low + random.at(row).nextDouble() * (high - low);
            out.setDouble(Math.round(value * 1000) / 1000.0);
        }
    }

    /** A day (epoch day) or second (epoch second) in {@code [low, high]}. */
    record MomentRange(long low, long high, boolean days, Random64 random) implements Rule {
        @Override
        public void fill(Row row, Slot out) {
            long value = random.at(row).between(low, high);
            if (days) {
                out.setDay(value);
            } else {
                out.setSecond(value);
            }
        }
    }

    /** True with probability {@code p}. */
    record Chance(double p, Random64 random) implements Rule {
        @Override
        public void fill(Row row, Slot out) {
            out.setBool(random.at(row).chance(p));
        }
    }

    /** A random (version 4) UUID: distinct per row with overwhelming probability. */
    record Uuid(Random64 random) implements Rule {
        @Override
        public void fill(Row row, Slot out) {
            Random64 draw = random.at(row);
            long high = (draw.nextLong() & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
            long low = (draw.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            out.setUuid(high, low);
        }

        @Override
        public boolean distinctPerRow() {
            return true;
        }
    }

    /** One of {@code values}, each with its weight (cumulative, ending at 1). */
    record Pick(Slot[] values, double[] cumulative, Random64 random) implements Rule {
        @Override
        public void fill(Row row, Slot out) {
            out.copyFrom(values[index(cumulative, random.at(row).nextDouble())]);
        }
    }

    /** {@code values[row % size]}: each value in turn. */
    record Each(Slot[] values, boolean distinct) implements Rule {
        @Override
        public void fill(Row row, Slot out) {
            out.copyFrom(values[(int) (row.index() % values.length)]);
        }

        /** Distinct when the values are and the table has no more rows than values, so none comes round again. */
        @Override
        public boolean distinctPerRow() {
            return distinct;
        }
    }

    /** One of several rules, chosen by weight (cumulative, ending at 1). */
    record Mix(Rule[] rules, double[] cumulative, Random64 random) implements Rule {
        @Override
        public void fill(Row row, Slot out) {
            rules[index(cumulative, random.at(row).nextDouble())].fill(row, out);
        }
    }

    /** The rule for the row's level in a tree ({@code parent: tree}): root first, the last for every deeper level. */
    record Levels(Rule[] rules) implements Rule {
        @Override
        public void fill(Row row, Slot out) {
            long position = row.group().position;
            int level = 63 - Long.numberOfLeadingZeros(position + 1);
            rules[Math.min(level, rules.length - 1)].fill(row, out);
        }
    }

    /** NULL for a share of rows, {@code rule} otherwise. */
    record Nullable(double p, Rule rule, Random64 random) implements Rule {
        @Override
        public void fill(Row row, Slot out) {
            if (random.at(row).chance(p)) {
                out.setNull();
            } else {
                rule.fill(row, out);
            }
        }
    }

    /** The index of the first cumulative weight above {@code u}. */
    static int index(double[] cumulative, double u) {
        for (int i = 0; i < cumulative.length - 1; i++) {
            if (u < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    /** Cumulative weights normalised to end at 1. */
    static double[] cumulative(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double[] cumulative = new double[weights.length];
        double running = 0;
        for (int i = 0; i < weights.length; i++) {
            running += weights[i];
            cumulative[i] = running / total;
        }
        cumulative[weights.length - 1] = 1;
        return cumulative;
    }
}
