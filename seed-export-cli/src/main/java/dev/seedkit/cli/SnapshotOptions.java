package dev.seedkit.cli;

import picocli.CommandLine.Option;

/** Which snapshot a command works on. */
final class SnapshotOptions {

    @Option(names = {"-s", "--snapshot"}, paramLabel = "DIR", description = "Snapshot directory (with "
            + "manifest.json), or classpath:folder. Default: $SEEDKIT_SNAPSHOT, else 'snapshot' in the settings file.")
    String snapshot;
}
