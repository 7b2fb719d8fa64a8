package dev.seedkit.core.importer;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.SeedException.Code;
import dev.seedkit.core.importer.OrphanCheck.Orphans;
import dev.seedkit.core.importer.Purpose.Kind;
import dev.seedkit.core.schema.ForeignKey;
import dev.seedkit.core.schema.TableName;
import dev.seedkit.core.schema.UniqueKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Explains a failed import after its rollback: each class of database error gets its own cause and next step, and
 * every error about a row names the table, the file, the line and the row's key. The code says whose fault it is:
 * a value the column type rejects or a key held twice is the snapshot's ({@link Code#SNAPSHOT_FORMAT}), a row a
 * constraint refuses is the data's ({@link Code#DATA_INTEGRITY}), options the database cannot honour are the
 * caller's ({@link Code#CONFIGURATION}), everything else is the database's or the connection's
 * ({@link Code#DATABASE}).
 */
final class ImportErrors {

    static final String FAILED = "Import failed, nothing was imported: ";

    private final Connection connection;
    private final FileRows files;
    private final Duration lockTimeout;
    private final ImportOption.Names names;

    ImportErrors(Connection connection, FileRows files, Duration lockTimeout, ImportOption.Names names) {
        this.connection = connection;
        this.files = files;
        this.lockTimeout = lockTimeout;
        this.names = names;
    }

    /** The exception to throw for {@code failure}; call it after the rollback (it may query the connection). */
    SeedException describe(ImportFailure failure) {
        String state = failure.state();
        if (DatabaseFailures.connectionLost(state)) {
            return DatabaseFailures.connectionLost(failure, where(failure));
        }
        if (state.startsWith("23") || state.equals("21000")) {
            return refusedRow(failure);
        }
        if (state.startsWith("22") && failure.purpose().kind() == Kind.COPY) {
            return badValue(failure);
        }
        return switch (state) {
            case "42501" -> DatabaseFailures.permissionDenied(failure, role(), database());
            case "25006" -> DatabaseFailures.readOnly(failure, database());
            case "55P03" -> DatabaseFailures.lockTimeout(failure, lockTimeout,
                    LockHolders.describe(connection, failure.purpose()));
            default -> DatabaseFailures.other(failure, names);
        };
    }

    /** A key the file holds twice: the snapshot is malformed, whatever the mode and whatever the table held. */
    static SeedException duplicateKey(TableLoad load, long firstLine, long secondLine, String key) {
        return duplicateKey(load, load.entry().file(), firstLine, secondLine, key);
    }

    private static SeedException duplicateKey(TableLoad load, String file, long firstLine, long secondLine,
            String key) {
        return new SeedException(Code.SNAPSHOT_FORMAT, FAILED + "the snapshot is malformed: "
                + file + " line " + firstLine + " and line " + secondLine + " both hold key " + key
                + " of table " + load.name() + ", and a snapshot holds each key once. Remove one of the two rows "
                + "from the file, or re-export the snapshot.");
    }

    /**
     * Rows loaded with foreign-key triggers off that reference nothing: per foreign key, how many, and the first
     * file line (with its key) holding such a reference.
     */
    SeedException orphans(List<Orphans> found, Map<TableName, TableLoad> loads) {
        List<String> problems = found.stream().map(o -> orphanLine(o, loads.get(o.foreignKey().child()))).toList();
        return new SeedException(Code.DATA_INTEGRITY, "The snapshot's rows break foreign keys, so nothing was "
                + "imported:\n  - " + String.join("\n  - ", problems) + "\nRe-export the snapshot so that it "
                + "includes the referenced rows, or load the missing parent tables first.");
    }

    private String orphanLine(Orphans orphans, TableLoad child) {
        ForeignKey fk = orphans.foreignKey();
        Optional<FileRows.Row> row = child == null || orphans.sample().contains(null) ? Optional.empty()
                : files.firstWith(child.entry(), fk.childColumns(), orphans.sample(), 0);
        String where = row.map(r -> files.describe(child.entry(), new RowLocation(r.line(), null,
                FileRows.key(child.entry(), r, child.keyColumns()))) + ": ").orElse("");
        long count = orphans.count();
        return where + count + (count == 1 ? " row of " : " rows of ") + fk.child()
                + (count == 1 ? " references" : " reference") + " no row of " + fk.parent() + " through "
                + Orphans.describe(fk) + (count == 1 ? ": " : ", e.g. ") + orphans.sampleKey();
    }

    /** {@code table t.items (file t.items.tsv, line 8, key (id)=(7)): }, or "" when no table is known. */
    private String where(ImportFailure failure) {
        return failure.purpose().load().map(load -> "table " + load.name() + " ("
                + files.describe(load.entry(), failure.row()) + "): ").orElse("");
    }

    /** A row a constraint refused: a key the file holds twice, or data that breaks the database's rules. */
    private SeedException refusedRow(ImportFailure failure) {
        ServerErrorMessage server = server(failure);
        Optional<TableLoad> load = refusingTable(failure, server);
        if (load.isPresent() && server != null) {
            Optional<SeedException> duplicate = duplicateInFile(failure, load.get(), server);
            if (duplicate.isPresent()) {
                return duplicate.get();
            }
        }
        RowLocation row = load.map(l -> located(failure, l, server)).orElse(failure.row());
        String where = load.map(l -> "table " + l.name() + " (" + files.describe(l.entry(), row) + "): ")
                .orElse("");
        if (load.isPresent() && row.heldBy() != null) {
            return uniqueValueTaken(failure, load.get(), row, where);
        }
        return new SeedException(Code.DATA_INTEGRITY, FAILED + where + serverText(failure)
                + ". Fix that row in the snapshot, or re-export the snapshot from a consistent database.",
                failure.getCause());
    }

    /**
     * A row whose values of a unique key (other than the key rows are matched by) another row holds: a row of the
     * database with another key, which a natural key could match it to, or another line of the file.
     */
    private SeedException uniqueValueTaken(ImportFailure failure, TableLoad load, RowLocation row, String where) {
        ServerErrorMessage server = server(failure);
        List<String> columns = detailColumns(load, server.getConstraint()).orElse(List.of());
        String values = KeyText.values(server.getDetail(), columns.size()).map(v -> KeyText.of(columns, v))
                .orElse("value");
        String constraint = "unique key " + server.getConstraint();
        if (row.heldBy().startsWith("line ")) {
            return new SeedException(Code.DATA_INTEGRITY, FAILED + where + "its " + values + " is on "
                    + row.heldBy() + " of the file too, so " + constraint + " refuses it. Fix one of the two rows "
                    + "in the snapshot, or re-export the snapshot.", failure.getCause());
        }
        List<String> declaration = new ArrayList<>(List.of(load.name().toString()));
        declaration.addAll(columns);
        String named = String.join(", ", columns);
        return new SeedException(Code.DATA_INTEGRITY, FAILED + where + "its " + values + " is held by the "
                + "database's row " + row.heldBy() + ", so " + constraint + " refuses it. The row's key is new to "
                + "the database, but by " + named + " it is the database's row " + row.heldBy() + ": if " + named
                + " identifies a row of " + load.name() + " in both databases, declare " + named + " as the natural "
                + "key of " + load.name() + ", with " + names.of(ImportOption.NATURAL_KEY, declaration) + ", and "
                + "the row is matched to the database's row " + row.heldBy() + " instead of inserted, every "
                + "reference to it rewritten; otherwise change the row's " + named + " in the snapshot or in the "
                + "database.", failure.getCause());
    }

    /** A value the column's type rejects, read by COPY from the file: the snapshot is malformed. */
    private SeedException badValue(ImportFailure failure) {
        RowLocation row = failure.purpose().load().map(l -> located(failure, l, server(failure)))
                .orElse(failure.row());
        String where = failure.purpose().load().map(l -> "table " + l.name() + " ("
                + files.describe(l.entry(), row) + "): ").orElse("");
        return new SeedException(Code.SNAPSHOT_FORMAT, FAILED + where + serverText(failure) + ". The value does "
                + "not fit the column's type, so the snapshot is malformed: fix the value in the file, or "
                + "re-export the snapshot.", failure.getCause());
    }

    /** A unique key violated by COPY into an empty table: the file holds the key twice, on which lines. */
    private Optional<SeedException> duplicateInFile(ImportFailure failure, TableLoad load, ServerErrorMessage server) {
        Optional<UniqueKey> key = load.table().keys().stream()
                .filter(k -> k.name().equals(server.getConstraint())).findFirst();
        if (!"23505".equals(failure.state()) || failure.purpose().kind() != Kind.COPY || key.isEmpty()
                || !failure.row().known()) {
            return Optional.empty();
        }
        List<String> columns = key.get().columns();
        return KeyText.values(server.getDetail(), columns.size())
                .flatMap(values -> files.firstWith(load.entry(), columns, values, failure.row().line())
                        .map(first -> duplicateKey(load, files.origin(load.entry()).file(),
                                files.origin(load.entry()).line(first.line()),
                                files.origin(load.entry()).line(failure.row().line()),
                                KeyText.of(columns, values))));
    }

    /**
     * Completes what is known of the failing row from the file: its key from the line COPY or the stage named,
     * else its line from the key values the error detail names (a foreign key's or a unique key's).
     */
    private RowLocation located(ImportFailure failure, TableLoad load, ServerErrorMessage server) {
        RowLocation row = failure.row();
        String column = row.column() != null ? row.column() : server != null ? server.getColumn() : null;
        if (row.known()) {
            String key = row.key() != null ? row.key() : files.atLine(load.entry(), row.line())
                    .map(found -> FileRows.key(load.entry(), found, load.keyColumns())).orElse(null);
            return new RowLocation(row.line(), column, key, row.heldBy());
        }
        Optional<List<String>> columns = server == null ? Optional.empty()
                : detailColumns(load, server.getConstraint());
        return columns.flatMap(c -> KeyText.values(server.getDetail(), c.size())
                        .flatMap(values -> files.firstWith(load.entry(), c, values, 0)))
                .map(found -> new RowLocation(found.line(), column, FileRows.key(load.entry(), found,
                        load.keyColumns())))
                .orElse(new RowLocation(0, column, null));
    }

    /** The columns the detail of a violated foreign key or unique key of {@code load} names values for. */
    private static Optional<List<String>> detailColumns(TableLoad load, String constraint) {
        if (constraint == null) {
            return Optional.empty();
        }
        return load.foreignKey(constraint).map(fk -> fk.childColumns()).or(() -> load.table().keys().stream()
                .filter(k -> k.name().equals(constraint)).findFirst().map(UniqueKey::columns));
    }

    /** The statement's table, or among its tables the one the server names. */
    private static Optional<TableLoad> refusingTable(ImportFailure failure, ServerErrorMessage server) {
        Purpose purpose = failure.purpose();
        if (purpose.load().isPresent() || server == null || server.getTable() == null) {
            return purpose.load();
        }
        return purpose.load(server.getSchema(), server.getTable());
    }

    /** The server's message, the constraint, and the detail. */
    static String serverText(ImportFailure failure) {
        ServerErrorMessage server = server(failure);
        if (server == null) {
            return failure.sqlException().getMessage();
        }
        String constraint = server.getConstraint();
        boolean named = constraint == null || server.getMessage().contains("\"" + constraint + "\"");
        return server.getMessage() + (named ? "" : " (constraint " + constraint + ")")
                + (server.getDetail() != null ? ". " + server.getDetail().replaceAll("\\.$", "") : "");
    }

    static ServerErrorMessage server(ImportFailure failure) {
        return failure.sqlException() instanceof PSQLException p ? p.getServerErrorMessage() : null;
    }

    private String role() {
        try {
            return connection.getMetaData().getUserName();
        } catch (SQLException e) {
            return "the importing role";
        }
    }

    private String database() {
        try {
            return connection.getCatalog();
        } catch (SQLException e) {
            return "the database";
        }
    }
}
