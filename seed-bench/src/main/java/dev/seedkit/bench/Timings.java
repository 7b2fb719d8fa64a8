package dev.seedkit.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The wall times of several runs of one measurement: their median, minimum and maximum. */
final class Timings {

    private final List<Long> nanos = new ArrayList<>();

    /** Something measured once per run; may throw. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws Exception;
    }

    /** Runs {@code work}, adds its wall time, and returns its result. */
    <T> T time(Work<T> work) throws Exception {
        long started = System.nanoTime();
        T result = work.run();
        nanos.add(System.nanoTime() - started);
        return result;
    }

    void add(long elapsedNanos) {
        nanos.add(elapsedNanos);
    }

    int runs() {
        return nanos.size();
    }

    long median() {
        List<Long> sorted = sorted();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    long min() {
        return sorted().get(0);
    }

    long max() {
        return sorted().get(nanos.size() - 1);
    }

    /** The same runs, each multiplied by {@code factor} (a linear extrapolation). */
    Timings scaled(double factor) {
        Timings scaled = new Timings();
        nanos.forEach(n -> scaled.add(Math.round(n * factor)));
        return scaled;
    }

    private List<Long> sorted() {
        if (nanos.isEmpty()) {
            throw new IllegalStateException("No runs were measured");
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted;
    }
}
