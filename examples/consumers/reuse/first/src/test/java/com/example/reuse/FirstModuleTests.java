package com.example.reuse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.junit.SeedFromFixtures;
import dev.seedkit.junit.SeededDatabase;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The first module of the build: starts the reusable container, seeds the template, and says which they are. */
@SeedFromFixtures
class FirstModuleTests {

    @Test
    void seesTheSeededRowsAndRecordsItsContainerAndTemplates(SeededDatabase database) throws Exception {
        try (Connection connection = database.dataSource().getConnection()) {
            assertThat(value(connection, "select count(*) from orders")).isEqualTo("3");
            Properties record = new Properties();
            record.setProperty("server", database.serverDescription());
            record.setProperty("templates", String.join(",", templates(connection)));
            Path file = Path.of(System.getProperty("reuse.record"));
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file)) {
                record.store(out, "written by the first module's tests");
            }
        }
    }

    static List<String> templates(Connection connection) throws Exception {
        List<String> names = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rows = s.executeQuery(
                "select datname from pg_database where datname like 'seedkit\\_tpl\\_%' order by datname")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    static String value(Connection connection, String sql) throws Exception {
        try (Statement s = connection.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
