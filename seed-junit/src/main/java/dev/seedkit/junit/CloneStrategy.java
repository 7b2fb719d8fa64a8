package dev.seedkit.junit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How {@code CREATE DATABASE} copies one template, chosen by timing rather than by guess. PostgreSQL 15 and later
 * copy either block by block through the write-ahead log ({@code STRATEGY WAL_LOG}, the default) or file by file
 * with a checkpoint ({@code FILE_COPY}); PostgreSQL 18 can also clone the files ({@code file_copy_method = clone}:
 * {@code copy_file_range}, which shares the blocks on file systems that support it, such as XFS and Btrfs, and is a
 * plain copy in the kernel elsewhere). Which is faster depends on the template's size, its number of relations, the
 * file system and the server's settings ({@code FILE_COPY} tends to win with {@code fsync=off}, as on the embedded
 * server). The first {@value #TRIALS_EACH} copies of each method the server has take turns; after them, the method
 * with the best time is used for the rest of the run. A method the server refuses is dropped from the trials.
 * Before PostgreSQL 15 there is no choice, and no clause.
 */
final class CloneStrategy {

    /** A way to copy a template, and the server version that has it. */
    enum Method {
        WAL_LOG("WAL_LOG", null, 15),
        FILE_COPY("FILE_COPY", "copy", 15),
        FILE_CLONE("FILE_COPY", "clone", 18);

        private final String strategy;
        private final String fileCopyMethod;
        private final int since;

        Method(String strategy, String fileCopyMethod, int since) {
            this.strategy = strategy;
            this.fileCopyMethod = fileCopyMethod;
            this.since = since;
        }

        /** The {@code STRATEGY} clause's value. */
        String strategy() {
            return strategy;
        }

        /** The {@code file_copy_method} to set first on PostgreSQL 18 and later; null for none. */
        String fileCopyMethod(int majorVersion) {
            return majorVersion >= FILE_COPY_METHOD_VERSION ? fileCopyMethod : null;
        }
    }

    static final int TRIALS_EACH = 2;
    private static final int FILE_COPY_METHOD_VERSION = 18;
    private static final Logger log = LoggerFactory.getLogger(CloneStrategy.class);

    private final String template;
    private final Map<Method, List<Long>> trials = new EnumMap<>(Method.class);
    private final Set<Method> refused = EnumSet.noneOf(Method.class);
    private Method chosen;

    CloneStrategy(String template) {
        this.template = template;
    }

    /** The method for the next copy on a server of {@code majorVersion}; null: say none. */
    synchronized Method next(int majorVersion) {
        if (chosen != null) {
            return chosen;
        }
        return candidates(majorVersion).stream()
                .min(Comparator.comparingInt(method -> trials.getOrDefault(method, List.of()).size()))
                .orElse(null);
    }

    private List<Method> candidates(int majorVersion) {
        return Arrays.stream(Method.values())
                .filter(method -> method.since <= majorVersion && !refused.contains(method)).toList();
    }

    /** Records how long a copy with {@code method} took; decides once every candidate has had its trials. */
    synchronized void record(Method method, long nanos, int majorVersion) {
        if (method == null || chosen != null) {
            return;
        }
        trials.computeIfAbsent(method, m -> new ArrayList<>()).add(nanos);
        List<Method> candidates = candidates(majorVersion);
        if (candidates.stream().allMatch(m -> trials.getOrDefault(m, List.of()).size() >= TRIALS_EACH)) {
            chosen = candidates.stream().min(Comparator.comparingLong(this::best)).orElseThrow();
            log.info("Copying template {} with {} (best of {} copies: {})", template, chosen, TRIALS_EACH,
                    candidates.stream().map(m -> m + " " + best(m) / 1_000_000 + " ms").toList());
        }
    }

    /** Drops {@code method}, which the server refused (e.g. no file cloning there), from the trials. */
    synchronized void refused(Method method, String reason) {
        refused.add(method);
        log.info("Copying template {} with {} is not possible here ({}): trying the others", template, method,
                reason);
    }

    private long best(Method method) {
        return Collections.min(trials.get(method));
    }

    /** The method chosen, once decided. */
    synchronized Method chosen() {
        return chosen;
    }
}
