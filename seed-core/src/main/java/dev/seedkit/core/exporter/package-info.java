/**
 * The exporter: takes a small, referentially intact, deterministic subset of a PostgreSQL database and writes it
 * as a snapshot. {@link dev.seedkit.core.exporter.SnapshotExporter} is the entry point,
 * {@link dev.seedkit.core.exporter.ExportReport} its result, {@link dev.seedkit.core.exporter.Masking} the way to
 * pseudonymise personal data; everything else here is internal.
 *
 * <p>How it keeps track of chosen rows: the export's transaction is READ ONLY, and PostgreSQL refuses
 * {@code CREATE TEMP TABLE} in a read-only transaction ("cannot execute CREATE TABLE in a read-only transaction",
 * checked on 15 and 18), so chosen rows cannot be kept in temporary tables. Instead they are kept in Java as
 * {@code (tableoid, ctid)} pairs, which are stable within the transaction's snapshot, and sent back inlined as
 * {@code ctid = ANY ('{...}'::tid[])}, which PostgreSQL answers with TID scans. Key values are compared by the
 * database only, with its own operators, so no key type (numeric scales, citext, collations) is reinterpreted in
 * Java, and the export also works on a hot standby.
 */
package dev.seedkit.core.exporter;
