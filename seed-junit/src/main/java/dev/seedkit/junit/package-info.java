/**
 * The JUnit 5 extension: {@code @SeedFromFixtures} and {@code @SeedTables} give test classes a seeded, shared and isolated PostgreSQL database.
 */
package dev.seedkit.junit;
