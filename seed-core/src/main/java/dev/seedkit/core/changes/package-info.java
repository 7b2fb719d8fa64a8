/**
 * What a test changed since its database was seeded: a {@link dev.seedkit.core.changes.Baseline} captured once after
 * seeding, and the {@link dev.seedkit.core.changes.Changes} (rows inserted, updated with the columns that differ, and
 * deleted, per table) it computes set-based against a copy of the database.
 */
package dev.seedkit.core.changes;
