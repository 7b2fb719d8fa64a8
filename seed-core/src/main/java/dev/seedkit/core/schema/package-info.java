/**
 * The picture of a PostgreSQL schema that every export and import starts from, and the order to load it in.
 *
 * <p>{@link dev.seedkit.core.schema.SchemaReader} reads tables, columns, keys and foreign keys from
 * {@code pg_catalog} into an immutable {@link dev.seedkit.core.schema.Schema};
 * {@link dev.seedkit.core.schema.VirtualForeignKey virtual foreign keys} add references the database does not
 * declare; {@link dev.seedkit.core.schema.LoadPlan} orders the tables parents first, groups them into phases and
 * chooses a {@link dev.seedkit.core.schema.CycleStrategy} for every foreign-key cycle, or explains why a cycle
 * cannot be loaded.
 *
 * <p>Everything here is immutable and safe to share between threads: read a schema and build its plan once per
 * database (see {@link dev.seedkit.core.schema.SchemaCache}) and reuse them for every test.
 */
package dev.seedkit.core.schema;
