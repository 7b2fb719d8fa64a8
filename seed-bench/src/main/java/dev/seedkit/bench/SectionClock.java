package dev.seedkit.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs the sections the options ask for, times each (preparation included), and prints where the run's time went
 * to the progress stream.
 */
final class SectionClock {

    private final BenchContext context;
    private final Map<String, Long> nanos = new LinkedHashMap<>();
    private final long started = System.nanoTime();

    /** A section's work; may throw. */
    @FunctionalInterface
    interface Section {
        void run() throws Exception;
    }

    SectionClock(BenchContext context) {
        this.context = context;
    }

    /** Runs and times section {@code number} if the options ask for it. */
    void time(int number, String title, Section section) throws Exception {
        if (!context.options().runs(number)) {
            return;
        }
        String name = number + ". " + title;
        long sectionStarted = System.nanoTime();
        section.run();
        long elapsed = System.nanoTime() - sectionStarted;
        nanos.put(name, elapsed);
        context.progress("%s: section took %s", name, ResultTable.duration(elapsed));
    }

    /** One line per section, and the total since this clock was made. */
    void summary() {
        StringBuilder line = new StringBuilder("time per section:");
        nanos.forEach((name, elapsed) -> line.append(' ').append(name).append(' ')
                .append(ResultTable.duration(elapsed)).append(';'));
        context.progress("%s total %s", line, ResultTable.duration(System.nanoTime() - started));
    }
}
