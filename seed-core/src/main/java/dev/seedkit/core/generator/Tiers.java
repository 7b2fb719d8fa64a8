package dev.seedkit.core.generator;

import java.util.List;

/**
 * A table's tiers dealt out in exact shares: with 150 rows and weights 70/20/8/2 exactly 105, 30, 12 and 3 rows
 * (largest remainders round), spread over the rows by a {@link Permutation}, so the configured distribution is
 * reproduced exactly rather than by chance.
 */
final class Tiers {

    private final List<String> names;
    private final double[] weights;
    private final long[] boundaries;
    private final Permutation permutation;

    Tiers(List<String> names, double[] weights, long rows, long key) {
        this.names = List.copyOf(names);
        this.weights = weights.clone();
        this.boundaries = boundaries(weights, rows);
        this.permutation = rows > 0 ? new Permutation(rows, key) : null;
    }

    List<String> names() {
        return names;
    }

    /** The configured share of tier {@code i}, from 0 to 1. */
    double share(int i) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        return weights[i] / total;
    }

    /** Rows in tier {@code i}. */
    long rowsIn(int i) {
        return boundaries[i + 1] - boundaries[i];
    }

    /** The tier of row {@code row}. */
    int of(long row) {
        long rank = permutation.apply(row);
        for (int i = 0; i < names.size(); i++) {
            if (rank < boundaries[i + 1]) {
                return i;
            }
        }
        return names.size() - 1;
    }

    /** Cumulative row counts per tier: {@code [0, n0, n0 + n1, ..., rows]}, by largest remainders. */
    private static long[] boundaries(double[] weights, long rows) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        long[] counts = new long[weights.length];
        double[] remainders = new double[weights.length];
        long assigned = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = rows * weights[i] / total;
            counts[i] = (long) Math.floor(exact);
            remainders[i] = exact - counts[i];
            assigned += counts[i];
        }
        for (long left = rows - assigned; left > 0; left--) {
            int best = 0;
            for (int i = 1; i < weights.length; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            counts[best]++;
            remainders[best] = -1;
        }
        long[] boundaries = new long[weights.length + 1];
        for (int i = 0; i < weights.length; i++) {
            boundaries[i + 1] = boundaries[i] + counts[i];
        }
        return boundaries;
    }
}
