package dev.seedkit.junit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How {@code CREATE DATABASE} copies one template, chosen by timing rather than by guess. PostgreSQL 15 and later
 * copy either block by block through the write-ahead log ({@code STRATEGY WAL_LOG}, the default) or file by file
 * with a checkpoint ({@code FILE_COPY}); which is faster depends on the template's size, its number of relations and
 * the server's settings ({@code FILE_COPY} tends to win with {@code fsync=off}, as on the embedded server). The
 * first {@value #TRIALS_EACH} copies of each kind alternate; after them, the kind with the better best time is
 * used for the rest of the run. Before PostgreSQL 15 there is no choice, and no clause.
 */
final class CloneStrategy {

    static final String WAL_LOG = "WAL_LOG";
    static final String FILE_COPY = "FILE_COPY";
    static final int TRIALS_EACH = 2;
    private static final int FIRST_VERSION_WITH_STRATEGIES = 15;
    private static final Logger log = LoggerFactory.getLogger(CloneStrategy.class);

    private final String template;
    private final List<Long> walLog = new ArrayList<>();
    private final List<Long> fileCopy = new ArrayList<>();
    private String chosen;

    CloneStrategy(String template) {
        this.template = template;
    }

    /** The strategy for the next copy on a server of {@code majorVersion}; null: say none. */
    synchronized String next(int majorVersion) {
        if (majorVersion < FIRST_VERSION_WITH_STRATEGIES) {
            return null;
        }
        if (chosen != null) {
            return chosen;
        }
        return walLog.size() <= fileCopy.size() ? WAL_LOG : FILE_COPY;
    }

    /** Records how long a copy with {@code strategy} took; decides once both have had their trials. */
    synchronized void record(String strategy, long nanos) {
        if (strategy == null || chosen != null) {
            return;
        }
        (WAL_LOG.equals(strategy) ? walLog : fileCopy).add(nanos);
        if (walLog.size() >= TRIALS_EACH && fileCopy.size() >= TRIALS_EACH) {
            long bestWal = Collections.min(walLog);
            long bestFile = Collections.min(fileCopy);
            chosen = bestFile < bestWal ? FILE_COPY : WAL_LOG;
            log.info("Copying template {} with STRATEGY {} (best of {} copies: WAL_LOG {} ms, FILE_COPY {} ms)",
                    template, chosen, TRIALS_EACH, bestWal / 1_000_000, bestFile / 1_000_000);
        }
    }

    /** The strategy chosen, once decided. */
    synchronized String chosen() {
        return chosen;
    }
}
