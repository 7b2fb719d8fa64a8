/**
 * A realistic demo application schema, the snapshot exported from it, and tests that show every Seedkit feature.
 */
package dev.seedkit.examples;
