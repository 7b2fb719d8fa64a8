package dev.seedkit.core.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what exports of a snapshot directory left next to it when they died (killed, out of memory, power cut):
 * their staging directories {@code .<name>.<purpose>-<digits>} with their lock files, {@code .<name>.replaced-<digits>}
 * holding an old snapshot that a finished swap did not get to delete, and what an export into a staging directory
 * left in turn ({@code ..<name>.refresh-<digits>.export-<digits>}, as {@code refresh} makes). Only directories named
 * so, never anything else:
 * <ul>
 *   <li>a staging directory whose {@link StagingLock} no live process holds is removed; one that is locked
 *       belongs to a running export and stays;</li>
 *   <li>one without a lock file (from an older version, or a process that died in its first moment) is removed
 *       only when nothing in it changed for {@link #UNLOCKED_GRACE};</li>
 *   <li>a {@code .replaced-} directory is removed only while the target exists: without the target, it holds the
 *       only copy of the old snapshot, and is kept with a warning.</li>
 * </ul>
 * Each removal is logged; a failure to remove is logged and never fails the export.
 */
public final class StaleStaging {

    /** How long a staging directory without a lock file must have been untouched to count as abandoned. */
    public static final Duration UNLOCKED_GRACE = Duration.ofHours(1);

    private static final Logger log = LoggerFactory.getLogger(StaleStaging.class);
    private static final String REPLACED = "replaced";

    private final Path target;
    private final Pattern names;
    private final Clock clock;

    StaleStaging(Path target, Clock clock) {
        this.target = target;
        this.names = Pattern.compile("\\.+" + Pattern.quote(target.getFileName().toString())
                + "(?:\\.[a-z]+-[0-9]+)*\\.([a-z]+)-[0-9]+");
        this.clock = clock;
    }

    /** Removes the stale siblings of {@code target}; returns the directories removed. */
    public static List<Path> removeAround(Path target) {
        return new StaleStaging(target, Clock.systemUTC()).remove();
    }

    List<Path> remove() {
        List<Path> removed = new ArrayList<>();
        for (Path candidate : candidates()) {
            String purpose = purpose(candidate);
            Optional<String> why = REPLACED.equals(purpose) ? replacedIsStale(candidate) : stagingIsStale(candidate);
            if (why.isPresent() && delete(candidate, why.get())) {
                removed.add(candidate);
            }
        }
        removeOrphanedLockFiles();
        return removed;
    }

    /** Lock files whose directory is gone and whose owner is too. */
    private void removeOrphanedLockFiles() {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(target.getParent(), this::orphanedLockFile)) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            log.debug("Could not remove lock files left next to {}: {}", target, e.toString());
        }
    }

    private boolean orphanedLockFile(Path entry) {
        String name = entry.getFileName().toString();
        if (!name.endsWith(StagingLock.SUFFIX)) {
            return false;
        }
        Path directory = entry.resolveSibling(name.substring(0, name.length() - StagingLock.SUFFIX.length()));
        return names.matcher(directory.getFileName().toString()).matches()
                && !Files.exists(directory, LinkOption.NOFOLLOW_LINKS)
                && StagingLock.held(directory).equals(Optional.of(false));
    }

    private List<Path> candidates() {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(target.getParent(),
                entry -> names.matcher(entry.getFileName().toString()).matches()
                        && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS))) {
            siblings.forEach(found::add);
        } catch (IOException e) {
            log.warn("Could not look for staging directories left next to {} by earlier exports: {}", target, e);
        }
        return found;
    }

    private String purpose(Path candidate) {
        var matcher = names.matcher(candidate.getFileName().toString());
        return matcher.matches() ? matcher.group(1) : "";
    }

    private Optional<String> stagingIsStale(Path directory) {
        Optional<Boolean> held = StagingLock.held(directory);
        if (held.isPresent()) {
            return held.get() ? Optional.empty()
                    : Optional.of("left by an export that is no longer running (" + StagingLock.owner(directory) + ")");
        }
        Instant touched = lastModified(directory);
        return touched.isBefore(clock.instant().minus(UNLOCKED_GRACE))
                ? Optional.of("left by an export without a lock file, untouched since " + touched)
                : Optional.empty();
    }

    /** A set-aside old snapshot is garbage once the directory it was replaced at exists again. */
    private Optional<String> replacedIsStale(Path directory) {
        String name = directory.getFileName().toString();
        Path replacedAt = directory.resolveSibling(name.substring(1, name.lastIndexOf('.')));
        if (Files.exists(replacedAt, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of("the snapshot " + replacedAt + " replaced, which an export did not get to delete");
        }
        log.warn("{} holds the snapshot that was at {} before an export died while replacing it; it is kept. "
                + "Move it back to {}, or delete it.", directory, replacedAt, replacedAt);
        return Optional.empty();
    }

    /** The latest modification of the directory and of the entries directly in it. */
    private static Instant lastModified(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            FileTime latest = Files.getLastModifiedTime(directory, LinkOption.NOFOLLOW_LINKS);
            for (Path entry : (Iterable<Path>) entries::iterator) {
                FileTime time = Files.getLastModifiedTime(entry, LinkOption.NOFOLLOW_LINKS);
                latest = time.compareTo(latest) > 0 ? time : latest;
            }
            return latest.toInstant();
        } catch (IOException e) {
            return Instant.MAX; // cannot tell: keep it
        }
    }

    private static boolean delete(Path directory, String why) {
        try {
            DirectorySwap.deleteTree(directory);
            Files.deleteIfExists(StagingLock.file(directory));
            log.info("Removed stale staging directory {}: {}", directory, why);
            return true;
        } catch (IOException e) {
            log.warn("Could not remove stale staging directory {} ({}): {}", directory, why, e.toString());
            return false;
        }
    }
}
