/**
 * The {@code seedkit} command line: export, refresh, import, verify, plan and diff snapshots.
 * {@link dev.seedkit.cli.SeedkitCommand} is the picocli root command, {@link dev.seedkit.cli.Main} the entry point of
 * {@code seedkit.jar}; everything else is package-private.
 */
package dev.seedkit.cli;
