/**
 * AssertJ assertions for Seedkit: on what a test changed since seeding and on table contents, entered through
 * {@link dev.seedkit.assertj.SeedkitAssertions}. An optional module: add it beside AssertJ.
 */
package dev.seedkit.assertj;
