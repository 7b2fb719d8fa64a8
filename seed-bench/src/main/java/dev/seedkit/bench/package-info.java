/**
 * The benchmark harness: measures Seedkit against its limit (psql \\copy) and its peers (DBUnit, plain JDBC).
 */
package dev.seedkit.bench;
