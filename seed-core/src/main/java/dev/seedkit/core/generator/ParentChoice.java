package dev.seedkit.core.generator;

import java.util.List;

/**
 * How a foreign key picks its parent row for each child row. {@link #MODES} are the values of a column's
 * {@code parent:} setting; the generator also picks parents itself where keys demand it (distinct parents for a
 * unique foreign key, distinct pairs for a composite key, the group's parent in a fan-out).
 */
interface ParentChoice {

    /** The modes a configuration may name. */
    List<String> MODES = List.of("uniform", "skewed", "earlier", "tree", "first-child");

    /** The parent row (0-based) for {@code row}, or -1 for none (the reference becomes NULL). */
    long choose(Row row);

    /** The group's parent in a fan-out along this foreign key. */
    static ParentChoice groupParent() {
        return row -> row.group().parent;
    }

    /** Any of {@code parents} rows, all equally likely. */
    static ParentChoice uniform(long parents, Random64 random) {
        return row -> random.at(row).below(parents);
    }

    /**
     * A power law: {@code floor(parents * u^skew)} for uniform {@code u}, shuffled by a permutation so that the
     * popular parents are spread over the table. With skew 2 the most popular tenth of parents gets about a third of
     * the children.
     */
    static ParentChoice skewed(long parents, double skew, Random64 random, Permutation spread) {
        return row -> {
            double u = random.at(row).nextDouble();
            long rank = Math.min(parents - 1, (long) Math.floor(parents * Math.pow(u, skew)));
            return spread.apply(rank);
        };
    }

    /** A self-reference to an earlier row of the table (the first row gets none, or itself if it must). */
    static ParentChoice earlier(boolean nullable, Random64 random) {
        return row -> {
            long index = row.index();
            if (index == 0) {
                return nullable ? -1 : 0;
            }
            return random.at(index).below(index);
        };
    }

    /**
     * A self-reference that makes each group (or the whole table) a binary tree: the group's first row is the root
     * (no parent), row k of the group hangs under row (k - 1) / 2, so a group of n rows is log2(n) + 1 levels deep.
     */
    static ParentChoice tree() {
        return row -> {
            TableShape.Group group = row.group();
            return group.position == 0 ? -1 : group.start + (group.position - 1) / 2;
        };
    }

    /** The first row of this row's own group in {@code children}, a fan-out of this table; -1 if it has none. */
    static ParentChoice firstChild(TableShape children) {
        return row -> children.count(row.index()) == 0 ? -1 : children.groupStart(row.index());
    }

    /** Distinct parents for distinct rows (a unique foreign key): a permutation of the parent rows. */
    static ParentChoice distinct(Permutation permutation) {
        return row -> permutation.apply(row.index());
    }

    /**
     * Distinct parents within each fan-out group (the second foreign key of a composite key whose first is the
     * fan-out's): the group's rows step through {@code parents} from a random start with a stride coprime to it.
     */
    static ParentChoice distinctInGroup(long parents, Random64 random) {
        return row -> {
            TableShape.Group group = row.group();
            Random64 draw = random.at(group.parent);
            long start = draw.below(parents);
            long stride = coprimeStride(parents, draw.below(parents));
            return Math.floorMod(start + group.position % parents * stride, parents);
        };
    }

    /** Distinct pairs of parents: row r gets pair number {@code permutation(r)} of {@code first x second}. */
    static ParentChoice[] distinctPairs(Permutation permutation, long second) {
        return new ParentChoice[] {
            row -> permutation.apply(row.index()) / second,
            row -> permutation.apply(row.index()) % second};
    }

    private static long coprimeStride(long modulus, long candidate) {
        if (modulus <= 2) {
            return 1;
        }
        long stride = Math.max(1, candidate);
        while (gcd(stride, modulus) != 1) {
            stride = stride + 1 >= modulus ? 1 : stride + 1;
        }
        return stride;
    }

    private static long gcd(long a, long b) {
        long x = a;
        long y = b;
        while (y != 0) {
            long t = x % y;
            x = y;
            y = t;
        }
        return x;
    }
}
