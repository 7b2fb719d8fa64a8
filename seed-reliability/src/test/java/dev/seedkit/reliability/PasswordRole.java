package dev.seedkit.reliability;

import dev.seedkit.postgres.PostgresServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * A login role whose password the server really checks, for wrong-password tests. Servers that trust local
 * connections (the embedded one) get two {@code scram-sha-256} lines for this role alone at the top of their
 * {@code pg_hba.conf}, removed again on {@link #close()}; servers that check passwords already are left alone.
 */
final class PasswordRole implements AutoCloseable {

    static final String NAME = "seedkit_reliability_pw";

    private static final String MARK = "# seedkit-reliability (removed when the test ends)";

    private final PostgresServer server;
    private final Path hbaFile;
    private final String original;

    private PasswordRole(PostgresServer server, Path hbaFile, String original) {
        this.server = server;
        this.hbaFile = hbaFile;
        this.original = original;
    }

    /** Creates the role with {@code password} and makes sure a wrong one is refused. */
    static PasswordRole create(PostgresServer server, String password) throws Exception {
        execute(server, "DROP ROLE IF EXISTS " + NAME + "; CREATE ROLE " + NAME + " LOGIN PASSWORD '" + password + "'");
        if (refusesWrongPassword(server)) {
            return new PasswordRole(server, null, null);
        }
        Path hba = Path.of(value(server, "SHOW hba_file"));
        String original = Files.readString(hba, StandardCharsets.UTF_8);
        Files.writeString(hba, MARK + "\nhost all " + NAME + " 127.0.0.1/32 scram-sha-256\nhost all " + NAME
                + " ::1/128 scram-sha-256\n" + original, StandardCharsets.UTF_8);
        execute(server, "SELECT pg_reload_conf()");
        for (int i = 0; i < 50 && !refusesWrongPassword(server); i++) {
            Thread.sleep(100);
        }
        if (!refusesWrongPassword(server)) {
            throw new IllegalStateException("The server at " + server.jdbcUrl() + " accepts any password for " + NAME
                    + " even after " + hba + " asks for scram-sha-256.");
        }
        return new PasswordRole(server, hba, original);
    }

    @Override
    public void close() throws Exception {
        if (hbaFile != null) {
            Files.writeString(hbaFile, original, StandardCharsets.UTF_8);
            execute(server, "SELECT pg_reload_conf()");
        }
        execute(server, "DROP ROLE IF EXISTS " + NAME);
    }

    private static boolean refusesWrongPassword(PostgresServer server) {
        Properties properties = new Properties();
        properties.setProperty("user", NAME);
        properties.setProperty("password", "certainly-not-the-password");
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), properties)) {
            return false;
        } catch (SQLException e) {
            return "28P01".equals(e.getSQLState());
        }
    }

    private static void execute(PostgresServer server, String sql) throws SQLException {
        try (Connection c = server.connect(server.defaultDatabase()); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String value(PostgresServer server, String sql) throws SQLException {
        try (Connection c = server.connect(server.defaultDatabase()); Statement s = c.createStatement();
             var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
