/**
 * Not API: may change without notice; used by Seedkit's own modules (the importer and exporter here, the JUnit
 * extension, the command line, the benchmarks). Build on {@code dev.seedkit.core} and its {@code schema},
 * {@code snapshot}, {@code exporter} and {@code importer} packages instead.
 *
 * <p>What lives here: the table file format in both directions ({@link dev.seedkit.core.internal.TableFileReader},
 * {@link dev.seedkit.core.internal.TableFileWriter}, {@link dev.seedkit.core.internal.TableFileName}, COPY text and
 * line checks), the COPY statements and session settings both directions run with
 * ({@link dev.seedkit.core.internal.SnapshotSql}, {@link dev.seedkit.core.internal.SnapshotSession}), identifier
 * quoting ({@link dev.seedkit.core.internal.Identifiers}), the one reading of locations
 * ({@link dev.seedkit.core.internal.Location}: {@code classpath:}, {@code file:} and paths) and the staged
 * directory swap that replaces a snapshot in place ({@link dev.seedkit.core.internal.DirectorySwap}).
 */
package dev.seedkit.core.internal;
