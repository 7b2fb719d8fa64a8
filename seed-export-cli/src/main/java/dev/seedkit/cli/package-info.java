/**
 * The {@code seedkit} command line: export, import, refresh, verify, plan and diff snapshots.
 */
package dev.seedkit.cli;
