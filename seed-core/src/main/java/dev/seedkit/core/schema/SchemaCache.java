package dev.seedkit.core.schema;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.internal.Identifiers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Remembers {@link Schema}s by database, so that a test run reads each database's catalog once: keyed by the
 * connection's JDBC URL, the current database's name, and the set of schemas read. Thread-safe; concurrent
 * requests for the same key read the catalog once.
 *
 * <p>Hold one instance for as long as the schemas cannot change (for example in JUnit's root store) and
 * {@link #clear()} it after migrations. A {@link LoadPlan} is cheap to build from a cached schema (milliseconds
 * for hundreds of tables) and, like the schema, immutable: callers keep it next to the schema if they wish.
 */
public final class SchemaCache {

    private final ConcurrentHashMap<Key, Schema> schemas = new ConcurrentHashMap<>();

    /** The schema of {@code connection}'s database in {@code schemaNames} (empty: all user schemas), read once. */
    public Schema schema(Connection connection, Collection<String> schemaNames) {
        Key key = new Key(url(connection), currentDatabase(connection),
                schemaNames.stream().distinct().sorted(Identifiers.BYTEWISE).collect(Collectors.toList()));
        return schemas.computeIfAbsent(key, k -> SchemaReader.read(connection, schemaNames));
    }

    /** Forgets every schema, e.g. after the database was migrated. */
    public void clear() {
        schemas.clear();
    }

    private static String url(Connection connection) {
        try {
            return connection.getMetaData().getURL();
        } catch (SQLException e) {
            throw new SeedException(SeedException.Code.DATABASE, "Could not read the connection's JDBC URL to look"
                    + " up its cached schema: " + e.getMessage(), e);
        }
    }

    private static String currentDatabase(Connection connection) {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("select current_database()")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new SeedException(SeedException.Code.DATABASE, "Could not ask the database for its name to look"
                    + " up its cached schema: " + e.getMessage(), e);
        }
    }

    /** What a cached schema depends on. */
    private record Key(String url, String database, List<String> schemaNames) {
    }
}
