package dev.seedkit.core.internal;

import dev.seedkit.core.schema.Column;
import dev.seedkit.core.schema.Table;
import dev.seedkit.core.snapshot.MigrationVersion;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Migration tools' history tables: Flyway's {@code flyway_schema_history} (and {@code schema_version} before
 * Flyway 5), Liquibase's {@code databasechangelog} and {@code databasechangeloglock}, and the
 * {@code schema_migrations} table of Rails, golang-migrate and the like. They describe the database they are in, not
 * test data: exports leave them out unless asked for by name, imports never write them (the target's own history
 * says which migrations built its schema), and the version they record goes into the snapshot's manifest.
 *
 * <p>A table is one when both its name and a column the tool always creates match, so that an application table
 * that happens to be called {@code schema_migrations} with other columns stays data.
 */
public final class MigrationHistory {

    private enum Kind {
        FLYWAY("Flyway", "installed_rank", "SELECT version FROM %s WHERE success AND version IS NOT NULL"
                + " ORDER BY installed_rank DESC LIMIT 1"),
        LIQUIBASE("Liquibase", "orderexecuted", "SELECT id FROM %s ORDER BY orderexecuted DESC LIMIT 1"),
        LIQUIBASE_LOCK("Liquibase", "lockgranted", null),
        MIGRATIONS("schema_migrations", "version", "SELECT max(version::text) FROM %s");

        final String tool;
        final String column;
        final String lastVersion;

        Kind(String tool, String column, String lastVersion) {
            this.tool = tool;
            this.column = column;
            this.lastVersion = lastVersion;
        }

        static Optional<Kind> of(String table, Collection<String> columns) {
            Kind kind = switch (table) {
                case "flyway_schema_history", "schema_version" -> FLYWAY;
                case "databasechangelog" -> LIQUIBASE;
                case "databasechangeloglock" -> LIQUIBASE_LOCK;
                case "schema_migrations" -> MIGRATIONS;
                default -> null;
            };
            return Optional.ofNullable(kind).filter(k -> columns.contains(k.column));
        }
    }

    /** Finds the history tables (and their columns) in the given schemas, those first in the order given. */
    private static final String FIND = "SELECT n.nspname, c.relname, array_agg(a.attname::text)"
            + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped"
            + " WHERE c.relkind IN ('r', 'p') AND c.relname IN ('flyway_schema_history', 'schema_version',"
            + " 'databasechangelog', 'schema_migrations') AND has_table_privilege(c.oid, 'SELECT')"
            + " GROUP BY n.nspname, c.relname"
            + " ORDER BY array_position(?::text[], n.nspname::text) NULLS LAST, n.nspname, c.relname";

    private MigrationHistory() {
    }

    /** Whether {@code table} is a migration tool's history table. */
    public static boolean isHistory(Table table) {
        return isHistory(table.name().name(), table.columns().stream().map(Column::name).toList());
    }

    /** Whether a table named {@code name} with {@code columns} is a migration tool's history table. */
    public static boolean isHistory(String name, Collection<String> columns) {
        return Kind.of(name, Set.copyOf(columns)).isPresent();
    }

    /**
     * The last migration recorded in the database, looked up first in {@code schemas} (in that order), then in
     * the others; empty when the database has no history table or it records nothing. Runs inside the caller's
     * transaction, if any, behind a savepoint: a history table it may not read leaves the transaction usable.
     */
    public static Optional<MigrationVersion> read(Connection connection, List<String> schemas) throws SQLException {
        Savepoint savepoint = connection.getAutoCommit() ? null : connection.setSavepoint();
        try {
            Optional<MigrationVersion> version = lastVersion(connection, schemas);
            if (savepoint != null) {
                connection.releaseSavepoint(savepoint);
            }
            return version;
        } catch (SQLException e) {
            if (savepoint == null) {
                throw e;
            }
            connection.rollback(savepoint);
            return Optional.empty();
        }
    }

    private static Optional<MigrationVersion> lastVersion(Connection connection, List<String> schemas)
            throws SQLException {
        try (PreparedStatement find = connection.prepareStatement(FIND)) {
            find.setArray(1, connection.createArrayOf("text", schemas.toArray()));
            try (ResultSet tables = find.executeQuery()) {
                while (tables.next()) {
                    String schema = tables.getString(1);
                    String table = tables.getString(2);
                    Set<String> columns = Set.of((String[]) tables.getArray(3).getArray());
                    Optional<Kind> kind = Kind.of(table, columns).filter(k -> k.lastVersion != null);
                    if (kind.isPresent()) {
                        Optional<String> version = query(connection, String.format(kind.get().lastVersion,
                                Identifiers.quote(schema, table)));
                        if (version.isPresent()) {
                            return Optional.of(new MigrationVersion(kind.get().tool, version.get()));
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> query(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
        }
    }
}
