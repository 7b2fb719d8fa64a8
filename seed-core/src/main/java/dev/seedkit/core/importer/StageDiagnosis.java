package dev.seedkit.core.importer;

import dev.seedkit.core.importer.Purpose.Kind;
import dev.seedkit.core.schema.UniqueKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * After a merge from a stage failed (and the transaction is back at the merge's savepoint): finds the staged row
 * the database refused, by asking the stage itself, set-based. A key the file holds twice is reported as such
 * first, since it explains any failure of a merge; then a NULL in a NOT NULL column, or a row a CHECK constraint
 * refuses, is found by its row number, which gives its file line.
 */
final class StageDiagnosis implements ImportStatements.Locator {

    private final Stage stage;
    private final ImportStatements statements;

    StageDiagnosis(Stage stage, ImportStatements statements) {
        this.stage = stage;
        this.statements = statements;
    }

    /** Throws the malformed-snapshot error, naming both lines, if {@code stage} holds a key twice. */
    static void requireUniqueKeys(String stage, TableLoad load, ImportStatements statements) {
        if (load.key().isEmpty()) {
            return;
        }
        statements.query(ImportSql.firstDuplicateKey(stage, load.keyColumns()), Purpose.on(load, Kind.LOAD,
                "finding the key " + load.entry().file() + " holds twice", ""), rs -> {
                    throw ImportErrors.duplicateKey(load, rs.getLong(1) + 1, rs.getLong(2) + 1,
                            KeyText.of(load.keyColumns(), Arrays.asList((String[]) rs.getArray(3).getArray())));
                });
    }

    @Override
    public Optional<RowLocation> locate(SQLException failure) {
        requireUniqueKeys(stage.name(), stage.load(), statements);
        ServerErrorMessage server = failure instanceof PSQLException p ? p.getServerErrorMessage() : null;
        if (server == null) {
            return Optional.empty();
        }
        return switch (String.valueOf(failure.getSQLState())) {
            case "23502" -> stage.load().entry().columnNames().contains(server.getColumn())
                    ? first(MergeSql.firstNull(stage, server.getColumn()), server.getColumn()) : Optional.empty();
            case "23514" -> checkExpression(server.getConstraint())
                    .flatMap(expression -> first(MergeSql.firstFailingCheck(stage, expression), null));
            case "23505" -> uniqueKey(server.getConstraint()).flatMap(this::heldElsewhere);
            default -> Optional.empty();
        };
    }

    /** The table's unique key called {@code constraint}, other than the key rows are matched by. */
    private Optional<List<String>> uniqueKey(String constraint) {
        TableLoad load = stage.load();
        return load.table().keys().stream()
                .filter(k -> k.name().equals(constraint) && !load.key().map(k::equals).orElse(false))
                .map(UniqueKey::columns)
                .filter(columns -> load.entry().columnNames().containsAll(columns) && load.key().isPresent())
                .findFirst();
    }

    /**
     * The staged row whose values of a unique key are held by a row of the table with another key, or else by
     * another staged row; {@link RowLocation#heldBy()} says by which.
     */
    private Optional<RowLocation> heldElsewhere(List<String> unique) {
        List<String> key = stage.load().keyColumns();
        List<RowLocation> found = new ArrayList<>();
        statements.query(MergeSql.firstHeldByAnotherRow(stage, unique) + "; "
                + MergeSql.firstSharedUniqueValue(stage, unique), purpose("finding the row whose unique value is "
                + "taken"), rs -> found.add(new RowLocation(rs.getLong(1) + 1, null, keyText(key, rs, 2),
                        keyText(key, rs, 3))),
                rs -> found.add(new RowLocation(rs.getLong(2) + 1, null, null, "line " + (rs.getLong(1) + 1))));
        return found.stream().findFirst();
    }

    private static String keyText(List<String> key, ResultSet rs, int column) throws SQLException {
        return KeyText.of(key, Arrays.asList((String[]) rs.getArray(column).getArray()));
    }

    private Optional<String> checkExpression(String constraint) {
        List<String> found = new ArrayList<>();
        statements.prepared(MergeSql.CHECK_EXPRESSION, purpose("reading CHECK constraint " + constraint), s -> {
            s.setString(1, stage.load().name().qualified());
            s.setString(2, constraint);
        }, rs -> found.add(rs.getString(1)));
        return found.stream().findFirst();
    }

    private Optional<RowLocation> first(String sql, String column) {
        List<RowLocation> found = new ArrayList<>();
        List<String> key = stage.load().keyColumns();
        statements.query(sql, purpose("finding the refused row in the stage"), rs -> found.add(new RowLocation(
                rs.getLong(1) + 1, column, key.isEmpty() ? null
                        : KeyText.of(key, Arrays.asList((String[]) rs.getArray(2).getArray())))));
        return found.stream().findFirst();
    }

    private Purpose purpose(String doing) {
        return Purpose.on(stage.load(), Kind.LOAD, doing, "");
    }
}
