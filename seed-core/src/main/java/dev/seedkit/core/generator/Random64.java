package dev.seedkit.core.generator;

import java.nio.charset.StandardCharsets;

/**
 * The generator's randomness: counter-based, so that a value is a pure function of the seed, a stream name (table,
 * column, purpose) and a row number, never of what was drawn before or on which thread. That is what makes the
 * same config, seed and schema give byte-identical data whatever the order of config entries, and what lets a
 * child row compute its parent's key without the parent being kept in memory.
 *
 * <p>An instance is a cursor: {@link #at(long)} positions it on a row, then each {@code next...} call draws the
 * next number of that row's sequence (SplitMix64 over the stream's key and the row). Not thread-safe; cheap to
 * reposition, so one instance per rule is reused for every row.
 */
final class Random64 {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final long stream;
    private long state;

    Random64(long stream) {
        this.stream = stream;
    }

    /** A cursor on the stream named by {@code seed} and {@code parts} (e.g. table, column, purpose). */
    static Random64 of(long seed, String... parts) {
        return new Random64(key(seed, parts));
    }

    /** The key of a stream: {@code seed} mixed with the UTF-8 bytes of each part. */
    static long key(long seed, String... parts) {
        long hash = mix(seed ^ 0x5DEECE66DL);
        for (String part : parts) {
            hash = mix(hash ^ fnv(part));
        }
        return hash;
    }

    /** Positions the cursor on {@code row}; returns this. */
    Random64 at(long row) {
        state = mix(stream + row * GOLDEN);
        return this;
    }

    /** Positions the cursor on {@code row}, and on its current array element if it is making one. */
    Random64 at(Row row) {
        int element = row.element();
        return element == 0 ? at(row.index()) : at(row.index(), 1_000 + element);
    }

    /** Positions the cursor on a row and a sub-position (an array element, a second draw). */
    Random64 at(long row, long sub) {
        state = mix(mix(stream + row * GOLDEN) ^ (sub + 1) * 0xBF58476D1CE4E5B9L);
        return this;
    }

    long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    /** Uniform in {@code [0, bound)}; {@code bound > 0}. */
    long below(long bound) {
        return Long.remainderUnsigned(nextLong(), bound);
    }

    /** Uniform in {@code [low, high]}. */
    long between(long low, long high) {
        long span = high - low + 1;
        return span <= 0 ? low + nextLong() : low + below(span);
    }

    /** Uniform in {@code [0, 1)}. */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** True with probability {@code p}. */
    boolean chance(double p) {
        return p >= 1 || (p > 0 && nextDouble() < p);
    }

    /** The SplitMix64 finaliser: a bijection on longs that scatters every input bit. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static long fnv(String text) {
        long hash = 0xCBF29CE484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xFF)) * 0x100000001B3L;
        }
        return hash;
    }
}
