package dev.seedkit.junit;

import dev.seedkit.postgres.PostgresServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The templates an embedded server's warm cluster keeps between runs ({@value SeedkitExtension#WARM_PROPERTY}), so
 * that running one test class again from the IDE skips schema initialisation and seeding. The cluster belongs to
 * this JVM alone while it runs (seed-postgres locks it), so at start-up everything but templates is dropped (copies
 * left by a run that was killed, databases tests made), and only the {@value #KEPT} templates used last are kept:
 * each edit of a snapshot or migration makes a new template, and the old ones would otherwise pile up. When each
 * template was last used is recorded in a table of the cluster's maintenance database.
 */
final class WarmTemplates {

    /** How many templates a warm cluster keeps, the ones used last. */
    static final int KEPT = 8;
    private static final Logger log = LoggerFactory.getLogger(WarmTemplates.class);
    private static final String USES = "seedkit_template_uses";

    private WarmTemplates() {
    }

    /** Drops what earlier runs left on the warm cluster but its {@value #KEPT} templates used last. */
    static void tidy(PostgresServer server) {
        try (Connection maintenance = DatabaseAdmin.maintenance(server)) {
            execute(maintenance, "CREATE TABLE IF NOT EXISTS " + USES + " (name text PRIMARY KEY, "
                    + "used_at timestamptz NOT NULL)");
            List<String> dropped = new ArrayList<>();
            for (String name : names(maintenance, "SELECT d.datname FROM pg_database d LEFT JOIN " + USES
                    + " u ON u.name = d.datname WHERE d.datname NOT IN ('postgres', 'template0', 'template1') "
                    + "AND NOT (d.datname LIKE 'seedkit\\_tpl\\_%' AND d.datname IN (SELECT name FROM " + USES
                    + " ORDER BY used_at DESC LIMIT " + KEPT + "))")) {
                DatabaseAdmin.drop(maintenance, name);
                dropped.add(name);
            }
            execute(maintenance, "DELETE FROM " + USES + " WHERE name NOT IN (SELECT datname FROM pg_database)");
            if (!dropped.isEmpty()) {
                log.info("Warm cluster: dropped {} database(s) earlier runs left, keeping the {} templates used last: "
                        + "{}", dropped.size(), KEPT, dropped);
            }
        } catch (SQLException e) {
            log.warn("Could not tidy the warm cluster of {}: {}", server.description(), e.getMessage());
        }
    }

    /** Records that this run uses template {@code name}, so that it is among the ones kept. */
    static void used(Connection maintenance, String name) throws SQLException {
        try (PreparedStatement upsert = maintenance.prepareStatement("INSERT INTO " + USES + " VALUES (?, now()) "
                + "ON CONFLICT (name) DO UPDATE SET used_at = excluded.used_at")) {
            upsert.setString(1, name);
            upsert.execute();
        }
    }

    private static List<String> names(Connection connection, String sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
