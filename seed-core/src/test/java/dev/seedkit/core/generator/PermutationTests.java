package dev.seedkit.core.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PermutationTests {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 7, 64, 100, 1_000, 4_097})
    void isABijectionWithItsInverse(long size) {
        Permutation permutation = new Permutation(size, 99);
        BitSet seen = new BitSet();
        for (long i = 0; i < size; i++) {
            long image = permutation.apply(i);
            assertThat(image).isBetween(0L, size - 1);
            assertThat(seen.get((int) image)).isFalse();
            seen.set((int) image);
            assertThat(permutation.invert(image)).isEqualTo(i);
        }
    }

    @Test
    void dependsOnItsKeyAndShuffles() {
        Permutation a = new Permutation(1_000, 1);
        Permutation b = new Permutation(1_000, 2);
        long same = 0;
        long fixed = 0;
        for (long i = 0; i < 1_000; i++) {
            same += a.apply(i) == b.apply(i) ? 1 : 0;
            fixed += a.apply(i) == i ? 1 : 0;
        }
        assertThat(same).isLessThan(20);
        assertThat(fixed).isLessThan(20);
    }

    @Test
    void tiersAreDealtOutInExactShares() {
        Tiers tiers = new Tiers(List.of("a", "b", "c"), new double[] {70, 20, 10}, 151, 5);
        long[] counts = new long[3];
        for (long row = 0; row < 151; row++) {
            counts[tiers.of(row)]++;
        }
        assertThat(counts).containsExactly(106, 30, 15);
        assertThat(tiers.rowsIn(0)).isEqualTo(106);
    }
}
