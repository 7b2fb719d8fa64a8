/**
 * The exporter: takes a small, referentially intact, deterministic subset of a PostgreSQL database and writes it
 * as a snapshot. {@link dev.seedkit.core.exporter.SnapshotExporter} is the entry point,
 * {@link dev.seedkit.core.exporter.ExportReport} its result, {@link dev.seedkit.core.exporter.Masking} the way to
 * pseudonymise personal data; everything else here is internal.
 *
 * <p>How it keeps track of chosen rows: in one temporary table on the server (see {@code SubsetSql}), created
 * before the export's REPEATABLE READ transaction turns READ ONLY (PostgreSQL refuses CREATE in a read-only
 * transaction but lets it write temporary tables), and dropped at commit. Rows are named by {@code (tableoid, ctid)},
 * stable within the transaction's snapshot; selection, closure and COPY are set-based joins with that table, so no
 * statement carries a list of rows. Key values are compared by the database only, with its own operators, so no
 * key type (numeric scales, citext, collations) is reinterpreted in Java. A hot standby cannot create the table, so
 * the export reads from a primary.
 */
package dev.seedkit.core.exporter;
