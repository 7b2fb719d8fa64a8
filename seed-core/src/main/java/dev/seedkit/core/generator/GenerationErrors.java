package dev.seedkit.core.generator;

import dev.seedkit.core.SeedException;
import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Turns a database failure during generation into a {@link SeedException} that says what the run was doing (which
 * table), what the database said, and what to change in the config: a check the generator did not understand, a
 * key the configured rules repeated, a value too long for its column.
 */
final class GenerationErrors {

    private GenerationErrors() {
    }

    static SeedException describe(SQLException e, String doing) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        String state = String.valueOf(e.getSQLState());
        String where = server != null && server.getWhere() != null ? " (" + server.getWhere() + ")" : "";
        String message = "Generation failed while " + doing + ", nothing was written: " + e.getMessage() + where
                + advice(state, server);
        SeedException.Code code = state.startsWith("23") || state.startsWith("22") ? SeedException.Code.DATA_INTEGRITY
                : SeedException.Code.DATABASE;
        return new SeedException(code, message, e);
    }

    private static String advice(String state, ServerErrorMessage server) {
        String constraint = server != null && server.getConstraint() != null ? server.getConstraint() : null;
        String column = server != null && server.getColumn() != null ? server.getColumn() : null;
        return switch (state) {
            case "23514" -> ". The generator did not understand check constraint " + constraint + " well enough to "
                    + "satisfy it; give the columns it checks a rule in the config (pick, range, after, ...)";
            case "23505" -> ". The configured rules gave two rows the same key (" + constraint + "); give one of "
                    + "its columns a sequence or a pattern with {n}";
            case "23502" -> ". Column " + column + " is NOT NULL; remove null from its rule";
            case "22001" -> ". A configured value is longer than its column allows; shorten the rule's values";
            case "0A000" -> ". With replace, every table that references a generated table must be generated too "
                    + "(or emptied first)";
            default -> "";
        };
    }
}
