package dev.seedkit.bench;

import dev.seedkit.postgres.PostgresServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The examples' demo database at one scale, ready to export from: the server and database it is in, how many rows
 * its tables hold, where it came from, and what closing it does (stop the server it was started on, or drop the
 * database built for this run).
 *
 * @param scale     users of the demo database
 * @param server    the server it is on
 * @param database  its name
 * @param rows      rows over all its tables
 * @param tables    number of tables
 * @param origin    how it was obtained, for the table (built now, reused from the cache, ...)
 * @param onClose   what closing it does
 */
record DemoSource(int scale, PostgresServer server, String database, long rows, int tables, String origin,
                  AutoCloseable onClose) implements AutoCloseable {

    Connection connect() throws SQLException {
        return server.connect(database);
    }

    /** "scale 30,000: 1,029,535 rows in 22 tables". */
    String describe() {
        return String.format(Locale.ROOT, "scale %,d: %,d rows in %d tables", scale, rows, tables);
    }

    @Override
    public void close() throws Exception {
        onClose.close();
    }
}
