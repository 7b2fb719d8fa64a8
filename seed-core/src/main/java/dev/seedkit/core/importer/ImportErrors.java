package dev.seedkit.core.importer;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.snapshot.SnapshotManifest;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Turns a database error during an import into a message that names the table, file line and constraint. */
final class ImportErrors {

    private static final Pattern COPY_LINE = Pattern.compile("COPY [^,]+, line (\\d+)(?:, column ([^:]+))?");

    private ImportErrors() {
    }

    static SeedException describe(SQLException e, SnapshotManifest.Table table) {
        StringBuilder message = new StringBuilder("Import failed, nothing was imported");
        if (table != null) {
            message.append(": table ").append(table).append(" (file ").append(table.file());
            copyLine(e).ifPresent(line -> message.append(", line ").append(line));
            message.append(")");
        }
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        message.append(": ").append(server != null ? server.getMessage() : e.getMessage());
        if (server != null && server.getConstraint() != null) {
            message.append(" (constraint ").append(server.getConstraint()).append(")");
        }
        if (server != null && server.getDetail() != null) {
            message.append(". ").append(server.getDetail());
        }
        boolean integrity = e.getSQLState() != null && e.getSQLState().startsWith("23");
        message.append(integrity ? ". Fix that row in the snapshot, or re-export the snapshot from a consistent database."
                : ". Check that the database schema matches the snapshot (migrate it or refresh the snapshot).");
        return new SeedException(integrity ? SeedException.Code.DATA_INTEGRITY : SeedException.Code.DATABASE,
                message.toString(), e);
    }

    /** The file line of a COPY error: COPY counts data lines, the file has a header line first. */
    private static java.util.Optional<String> copyLine(SQLException e) {
        if (!(e instanceof PSQLException p) || p.getServerErrorMessage() == null
                || p.getServerErrorMessage().getWhere() == null) {
            return java.util.Optional.empty();
        }
        Matcher matcher = COPY_LINE.matcher(p.getServerErrorMessage().getWhere());
        if (!matcher.find()) {
            return java.util.Optional.empty();
        }
        String line = String.valueOf(Long.parseLong(matcher.group(1)) + 1);
        return java.util.Optional.of(matcher.group(2) == null ? line : line + ", column " + matcher.group(2));
    }
}
