/**
 * Seedkit's engine: reads a PostgreSQL schema into a foreign-key graph and load plan, reads and writes snapshots
 * (one TSV per table plus a manifest), and imports and exports them. Works on any {@code java.sql.Connection};
 * knows nothing of JUnit.
 *
 * <p>Start at {@link dev.seedkit.core.Seedkit}, whose factories lead to the whole API: the
 * {@code exporter}, {@code importer}, {@code snapshot} and {@code schema} packages. Errors are one unchecked
 * {@link dev.seedkit.core.SeedException} with a {@link dev.seedkit.core.SeedException.Code}. Types in
 * {@code dev.seedkit.core.internal} are not API: they may change without notice.
 */
package dev.seedkit.core;
