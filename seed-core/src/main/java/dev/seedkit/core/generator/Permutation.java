package dev.seedkit.core.generator;

/**
 * A pseudo-random bijection of {@code [0, size)} with its inverse, in constant memory: a four-round Feistel network
 * over the smallest even number of bits that covers {@code size}, walked in cycles until the result falls inside.
 * Used wherever rows must get distinct values drawn at random: tiers dealt out in exact shares, parents of a unique
 * foreign key, pairs of a composite key.
 */
final class Permutation {

    private static final int ROUNDS = 4;

    private final long size;
    private final int halfBits;
    private final long halfMask;
    private final long[] keys = new long[ROUNDS];

    Permutation(long size, long key) {
        if (size < 1) {
            throw new IllegalArgumentException("size " + size);
        }
        this.size = size;
        int bits = Math.max(2, 64 - Long.numberOfLeadingZeros(size - 1));
        bits += bits & 1;
        this.halfBits = bits / 2;
        this.halfMask = (1L << halfBits) - 1;
        for (int round = 0; round < ROUNDS; round++) {
            keys[round] = Random64.mix(key + round * 0x632BE59BD9B4E019L);
        }
    }

    long size() {
        return size;
    }

    /** The image of {@code index}, in {@code [0, size)}. */
    long apply(long index) {
        long value = index;
        do {
            value = encrypt(value);
        } while (value >= size);
        return value;
    }

    /** The index whose image is {@code value}. */
    long invert(long value) {
        long index = value;
        do {
            index = decrypt(index);
        } while (index >= size);
        return index;
    }

    private long encrypt(long value) {
        long left = value >>> halfBits;
        long right = value & halfMask;
        for (int round = 0; round < ROUNDS; round++) {
            long next = left ^ (Random64.mix(right ^ keys[round]) & halfMask);
            left = right;
            right = next;
        }
        return (left << halfBits) | right;
    }

    private long decrypt(long value) {
        long left = value >>> halfBits;
        long right = value & halfMask;
        for (int round = ROUNDS - 1; round >= 0; round--) {
            long previous = right ^ (Random64.mix(left ^ keys[round]) & halfMask);
            right = left;
            left = previous;
        }
        return (left << halfBits) | right;
    }
}
