package dev.seedkit.junit;

import java.util.Optional;

/** What a snapshot says it is: its version and checksum, each {@code null} when the snapshot does not say. */
record SnapshotIdentity(String version, String checksum) {

    /** A snapshot that states neither version nor checksum. */
    static final SnapshotIdentity UNKNOWN = new SnapshotIdentity(null, null);

    Optional<String> knownVersion() {
        return Optional.ofNullable(version);
    }

    Optional<String> knownChecksum() {
        return Optional.ofNullable(checksum);
    }
}
