package dev.seedkit.core.snapshot;

import java.util.Objects;

/**
 * The migration a database had reached when a snapshot was exported from it, as its migration tool recorded it
 * (Flyway's {@code flyway_schema_history}, Liquibase's {@code databasechangelog}, a {@code schema_migrations}
 * table). The manifest keeps it so that a schema-drift error can say which migrations separate the snapshot from the
 * database ("snapshot made at Flyway version 21, database is at 23"), which tells the user to refresh the snapshot
 * rather than hunt for the difference.
 *
 * @param tool    the tool as users name it: {@code Flyway}, {@code Liquibase} or {@code schema_migrations}
 * @param version the last applied migration: Flyway's version, Liquibase's changeset id, the table's greatest version
 */
public record MigrationVersion(String tool, String version) {

    public MigrationVersion {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(version, "version");
    }

    /** For messages: {@code Flyway version 21}, {@code Liquibase changeset add-index}. */
    public String describe() {
        return tool + (tool.equals("Liquibase") ? " changeset " : " version ") + version;
    }

    /** Whether {@code other} was recorded by the same tool, so that the two versions can be compared. */
    public boolean sameTool(MigrationVersion other) {
        return tool.equals(other.tool);
    }
}
