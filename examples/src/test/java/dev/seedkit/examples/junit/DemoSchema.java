package dev.seedkit.examples.junit;

import dev.seedkit.examples.DemoDatabase;
import dev.seedkit.junit.SchemaInitializer;
import java.sql.Connection;
import javax.sql.DataSource;

/** Creates the demo application's schema (its migrations, no rows) before the snapshot is imported. */
public class DemoSchema implements SchemaInitializer {

    @Override
    public void initialize(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            DemoDatabase.migrate(connection);
        }
    }
}
