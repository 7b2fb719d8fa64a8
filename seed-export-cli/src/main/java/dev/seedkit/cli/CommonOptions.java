package dev.seedkit.cli;

import picocli.CommandLine.Option;

/** Options every subcommand has: the settings file, JSON output, verbosity and help. */
final class CommonOptions {

    @Option(names = "--config", paramLabel = "FILE", description = "Settings file (keys mirror the long options: "
            + "url, user, snapshot, mode, virtual-fk...). Default: seedkit.properties or .seedkit.properties next to "
            + "the snapshot directory, else in the current directory.")
    String config;

    @Option(names = "--json", description = "Print the result as one JSON document on standard output, for scripts.")
    boolean json;

    @Option(names = {"-v", "--verbose"}, description = "Print stack traces and Seedkit's log on errors.")
    boolean verbose;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;
}
