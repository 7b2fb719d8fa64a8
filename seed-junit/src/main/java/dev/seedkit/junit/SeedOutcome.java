package dev.seedkit.junit;

import java.util.Map;

/** What seeding a template did: rows imported per table (empty when the seeder does not report them). */
record SeedOutcome(Map<String, Long> rowCounts) {

    /** Nothing reported. */
    static final SeedOutcome NONE = new SeedOutcome(Map.of());

    SeedOutcome {
        rowCounts = Map.copyOf(rowCounts);
    }
}
