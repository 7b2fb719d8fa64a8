package dev.seedkit.core.importer;

import static dev.seedkit.core.importer.ImportErrors.FAILED;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.importer.Purpose.Kind;
import dev.seedkit.core.schema.ForeignKey;
import dev.seedkit.core.schema.LoadPlan;
import dev.seedkit.core.schema.LoadStep;
import dev.seedkit.core.schema.Schema;
import dev.seedkit.core.schema.TableName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Empties the tables a REPLACE import replaces, and only those: the tables named (all of the snapshot's when none
 * are), never the ancestors a table subset pulls in. Replacing deletes every row of a table, so it is refused,
 * before anything changes, while rows of a table that is not replaced reference one of its rows. A table that
 * only replaced tables reference is emptied with TRUNCATE; one that others reference (by rows that are gone) with
 * DELETE, because TRUNCATE refuses a table while any table outside the statement references it.
 */
final class ReplacedTables {

    private final Schema schema;
    private final Set<TableName> replaced;
    private final ImportStatements statements;
    private final ImportOption.Names names;

    ReplacedTables(Schema schema, Set<TableName> replaced, ImportStatements statements, ImportOption.Names names) {
        this.schema = schema;
        this.replaced = replaced;
        this.statements = statements;
        this.names = names;
    }

    /** Refuses if rows outside reference a replaced table, then empties the replaced tables. */
    void empty(LoadPlan plan, Map<TableName, TableLoad> loads) {
        List<ForeignKey> outside = schema.foreignKeys().stream()
                .filter(fk -> !fk.virtual() && replaced.contains(fk.parent()) && !replaced.contains(fk.child()))
                .toList();
        List<TableLoad> emptied = replaced.stream().map(loads::get).toList();
        requireNoReferencingRows(outside, emptied);
        Set<TableName> truncated = truncatable(outside);
        List<TableName> deleted = new ArrayList<>(plan.steps().stream().map(LoadStep::table)
                .filter(t -> replaced.contains(t) && !truncated.contains(t)).toList());
        Collections.reverse(deleted);
        statements.execute(ImportSql.empty(truncated, deleted), new Purpose(Kind.LOAD, "emptying the tables REPLACE "
                + "replaces", emptied, "TRUNCATE on the replaced tables (DELETE on those other tables reference)"));
    }

    private void requireNoReferencingRows(List<ForeignKey> outside, List<TableLoad> emptied) {
        if (outside.isEmpty()) {
            return;
        }
        List<String> problems = new ArrayList<>();
        statements.query(ImportSql.referencingRows(outside), new Purpose(Kind.LOAD, "counting the rows outside the "
                + "replaced tables that reference them", emptied, "SELECT on the referencing tables"), rs -> {
                    long rows = rs.getLong(2);
                    if (rows > 0) {
                        problems.add(describe(outside.get(rs.getInt(1)), rows));
                    }
                });
        if (!problems.isEmpty()) {
            throw new SeedException(SeedException.Code.CONFIGURATION, FAILED + String.join("; ", problems)
                    + ". REPLACE deletes every row of the tables it replaces, which would leave those rows "
                    + "referencing nothing. Add the referencing tables to " + names.of(ImportOption.TABLES)
                    + " so that they are replaced too, or import with " + names.of(ImportOption.MODE,
                            ImportMode.INSERT_MISSING.name()) + " or " + names.of(ImportOption.MODE,
                            ImportMode.UPSERT.name()) + ", which keep the rows other tables reference.");
        }
    }

    private static String describe(ForeignKey fk, long rows) {
        return "Cannot replace table " + fk.parent() + ": " + rows + (rows == 1 ? " row of " : " rows of ")
                + fk.child() + (rows == 1 ? " references" : " reference") + " it through foreign key " + fk.name();
    }

    /**
     * The replaced tables that TRUNCATE may empty: those no table outside the TRUNCATE references, found by
     * leaving out tables referenced from outside, then tables referenced by tables left out, until none change.
     */
    private Set<TableName> truncatable(List<ForeignKey> outside) {
        Set<TableName> truncated = new LinkedHashSet<>(replaced);
        outside.forEach(fk -> truncated.remove(fk.parent()));
        boolean changed = true;
        while (changed) {
            changed = false;
            for (ForeignKey fk : schema.foreignKeys()) {
                if (!fk.virtual() && truncated.contains(fk.parent()) && !truncated.contains(fk.child())) {
                    changed |= truncated.remove(fk.parent());
                }
            }
        }
        return truncated;
    }
}
