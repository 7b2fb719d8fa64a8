package dev.seedkit.core.internal;

import dev.seedkit.core.SeedException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The session settings that make COPY's text exact and portable, which the exporting and the importing connection
 * must both run with: a value printed under them parses back to the same value on any server, whatever its
 * configuration, time zone or locale.
 *
 * <ul>
 *   <li>{@code DateStyle 'ISO, YMD'}: dates and timestamps print as ISO 8601 and parse as year-month-day;</li>
 *   <li>{@code IntervalStyle 'postgres'}: the interval syntax PostgreSQL reads back without loss;</li>
 *   <li>{@code TimeZone 'UTC'}: {@code timestamptz} prints in UTC ({@code +00}) on every machine;</li>
 *   <li>{@code extra_float_digits 1}: the shortest text that reads back as exactly the same float
 *       (PostgreSQL 12 and later);</li>
 *   <li>{@code bytea_output 'hex'}: one unambiguous spelling of binary data;</li>
 *   <li>{@code client_encoding 'UTF8'}: snapshot files are UTF-8;</li>
 *   <li>{@code standard_conforming_strings on}: backslashes in string literals are literal;</li>
 *   <li>{@code lc_monetary 'C'}: {@code money} prints and parses as {@code $1,234.56} whatever the server
 *       locale;</li>
 *   <li>{@code xmloption content}: {@code xml} values that are fragments, not documents, load back.</li>
 * </ul>
 */
public final class SnapshotSession {

    private static final Map<String, String> VALUES = values();

    /** The settings as {@code SET} statements, for a connection used in autocommit mode or for a whole session. */
    public static final List<String> SETTINGS = statements("SET ");

    /**
     * The same settings as {@code SET LOCAL}, which end with the current transaction: for an importer that works
     * in one transaction on a pooled connection and must not leave the session changed.
     */
    public static final List<String> LOCAL_SETTINGS = statements("SET LOCAL ");

    private SnapshotSession() {
    }

    /** Runs {@link #SETTINGS} on {@code connection}. */
    public static void apply(Connection connection) {
        run(connection, SETTINGS);
    }

    /** Runs {@link #LOCAL_SETTINGS} on {@code connection}, which must be inside a transaction (autocommit off). */
    public static void applyLocal(Connection connection) {
        run(connection, LOCAL_SETTINGS);
    }

    /** All settings in one round trip. */
    private static void run(Connection connection, List<String> statements) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(String.join("; ", statements));
        } catch (SQLException e) {
            throw new SeedException(SeedException.Code.DATABASE, "Could not apply the snapshot session settings "
                    + statements + ": " + e.getMessage() + ". Every one of these is an ordinary user setting, so "
                    + "check that the connection is open and the server is PostgreSQL 12 or later.", e);
        }
    }

    private static Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("DateStyle", "'ISO, YMD'");
        values.put("IntervalStyle", "'postgres'");
        values.put("TimeZone", "'UTC'");
        values.put("extra_float_digits", "1");
        values.put("bytea_output", "'hex'");
        values.put("client_encoding", "'UTF8'");
        values.put("standard_conforming_strings", "on");
        values.put("lc_monetary", "'C'");
        values.put("xmloption", "content");
        return values;
    }

    private static List<String> statements(String prefix) {
        return VALUES.entrySet().stream().map(e -> prefix + e.getKey() + " = " + e.getValue()).toList();
    }
}
