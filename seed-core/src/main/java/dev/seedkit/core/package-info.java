/**
 * Seedkit's engine: reads a PostgreSQL schema into a foreign-key graph and load plan, reads and writes snapshots (one TSV per table plus a manifest), and imports and exports them. Works on any {@code javax.sql.DataSource}; knows nothing of JUnit.
 */
package dev.seedkit.core;
