/**
 * The snapshot format: what teams commit and review. A snapshot is a folder with one TSV file per table, in
 * PostgreSQL's COPY text format with a header line and rows in key order, and a {@code manifest.json} that pins
 * each file's columns, row count and SHA-256, the schema fingerprint and the load plan. The format is specified in
 * {@code docs/snapshot-format.md}.
 *
 * <ul>
 *   <li>{@link dev.seedkit.core.snapshot.SnapshotLocation} finds a snapshot (directory or class path, jars
 *       included) and opens it as a {@link dev.seedkit.core.snapshot.Snapshot};</li>
 *   <li>{@link dev.seedkit.core.snapshot.TableRows} reads one table file, checked line by line, as values;</li>
 *   <li>{@link dev.seedkit.core.snapshot.SnapshotManifest} is the manifest's immutable model and JSON form;</li>
 *   <li>{@link dev.seedkit.core.snapshot.SnapshotDiff} compares two snapshots for review.</li>
 * </ul>
 *
 * <p>Reading and writing table files as COPY streams, file names, and the session settings both directions use
 * are Seedkit's own business, in {@code dev.seedkit.core.internal}.
 *
 * <p>This package knows nothing of the schema model: the manifest holds plain names and type texts.
 */
package dev.seedkit.core.snapshot;
