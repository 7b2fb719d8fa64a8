package com.example.reuse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.junit.SeedFromFixtures;
import dev.seedkit.junit.SeededDatabase;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The second module of the build, a new JVM: finds the container the first module left running and the template it
 * seeded there, so this JVM neither starts a container nor seeds; its class still gets a copy of its own.
 */
@SeedFromFixtures
class SecondModuleTests {

    @Test
    void findsTheFirstModulesContainerAndTemplateAndSeedsNothing(SeededDatabase database) throws Exception {
        Properties first = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(System.getProperty("reuse.record")))) {
            first.load(in);
        }
        assertThat(database.serverDescription()).as("the same container").isEqualTo(first.getProperty("server"));
        try (Connection connection = database.dataSource().getConnection()) {
            assertThat(value(connection, "select count(*) from orders")).isEqualTo("3");
            List<String> templates = templates(connection);
            assertThat(String.join(",", templates)).as("no template made by this JVM")
                    .isEqualTo(first.getProperty("templates"));
            Timestamp jvmStarted = new Timestamp(ManagementFactory.getRuntimeMXBean().getStartTime());
            for (String template : templates) {
                assertThat(createdAt(connection, template)).as("%s was made before this JVM started", template)
                        .isBefore(jvmStarted);
            }
            assertThat(database.databaseName()).as("a copy, not the template").isNotIn(templates);
        }
    }

    /** When the template's files were written (it is never written again: nobody connects to a template). */
    private static Timestamp createdAt(Connection connection, String database) throws Exception {
        try (PreparedStatement query = connection.prepareStatement("select (pg_stat_file('base/' || oid || "
                + "'/PG_VERSION')).modification from pg_database where datname = ?")) {
            query.setString(1, database);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getTimestamp(1);
            }
        }
    }

    private static List<String> templates(Connection connection) throws Exception {
        List<String> names = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rows = s.executeQuery(
                "select datname from pg_database where datname like 'seedkit\\_tpl\\_%' order by datname")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static String value(Connection connection, String sql) throws Exception {
        try (Statement s = connection.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
