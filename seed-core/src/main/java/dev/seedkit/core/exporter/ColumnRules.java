package dev.seedkit.core.exporter;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.schema.Column;
import dev.seedkit.core.schema.ForeignKey;
import dev.seedkit.core.schema.Schema;
import dev.seedkit.core.schema.Table;
import dev.seedkit.core.schema.TableName;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The rules for excluded and masked columns. A column may be left out only if loading can do without it
 * (nullable, or with a default) and no key depends on it; a column may be masked only if no key of the primary
 * key or of a foreign key (on either side) contains it, since a masked key would no longer match its references.
 */
final class ColumnRules {

    private static final Comparator<ColumnRef> ORDER = Comparator.comparing(ColumnRef::table)
            .thenComparing(ColumnRef::column);

    private final Schema schema;
    private final ExportOptions options;
    private final Map<TableName, Set<String>> collatable;

    ColumnRules(Schema schema, ExportOptions options, Map<TableName, Set<String>> collatable) {
        this.schema = schema;
        this.options = options;
        this.collatable = collatable;
    }

    boolean excluded(TableName table, String column) {
        return options.excludedColumns().contains(new ColumnRef(table, column));
    }

    /** The maskings of {@code table}'s columns, by column name. */
    Map<String, Masking> masks(TableName table) {
        Map<String, Masking> masks = new TreeMap<>();
        options.masks().forEach((ref, masking) -> {
            if (ref.table().equals(table)) {
                masks.put(ref.column(), masking);
            }
        });
        return masks;
    }

    void requireKnownColumns() {
        sorted(options.excludedColumns()).forEach(ref -> column(ref, ExportOption.EXCLUDE_COLUMNS));
        sorted(options.masks().keySet()).forEach(ref -> column(ref, ExportOption.MASK));
    }

    /**
     * Whether excluded columns switch {@code fk} off: then they load as NULL and the reference needs no parent.
     * Under MATCH FULL that takes all of its columns; excluded columns with a default would load the default.
     */
    boolean switchedOff(ForeignKey fk) {
        List<String> excluded = fk.childColumns().stream().filter(c -> excluded(fk.child(), c)).toList();
        if (excluded.isEmpty()) {
            return false;
        }
        if (fk.matchFull() && excluded.size() < fk.childColumns().size()) {
            throw error("Foreign key " + fk + " is MATCH FULL, and only some of its columns are excluded "
                    + excluded + "; exclude all of them or none.");
        }
        for (String name : excluded) {
            Column column = column(new ColumnRef(fk.child(), name), ExportOption.EXCLUDE_COLUMNS);
            if (!column.nullable() || column.defaultExpression().isPresent()) {
                throw error("Column " + new ColumnRef(fk.child(), name) + " of foreign key " + fk + " cannot be "
                        + "excluded: it is " + (column.nullable() ? "nullable but has a default" : "NOT NULL")
                        + ", so loading would store a value that may reference no row. Keep the column, or "
                        + "exclude only nullable foreign-key columns without a default.");
            }
        }
        return true;
    }

    /** Checks every excluded and masked column against the keys and the followed foreign keys. */
    void check(List<ForeignKey> followed) {
        for (ColumnRef ref : sorted(options.excludedColumns())) {
            checkExcluded(ref, column(ref, ExportOption.EXCLUDE_COLUMNS), followed);
        }
        for (ColumnRef ref : sorted(options.masks().keySet())) {
            checkMasked(ref, column(ref, ExportOption.MASK), options.masks().get(ref), followed);
        }
    }

    private void checkExcluded(ColumnRef ref, Column column, List<ForeignKey> followed) {
        String cannot = "Column " + ref + " cannot be excluded: ";
        if (column.generated()) {
            throw error(cannot + "it is generated, and snapshots never store generated columns. Remove it from "
                    + options.name(ExportOption.EXCLUDE_COLUMNS) + ".");
        }
        if (!column.nullable() && column.defaultExpression().isEmpty()
                && column.identity() == Column.Identity.NONE) {
            throw error(cannot + "it is NOT NULL and has no default, so its rows could not be loaded without it. "
                    + "Exclude only nullable or defaulted columns; to hide its values, mask it instead.");
        }
        primaryKey(ref).ifPresent(pk -> {
            throw error(cannot + "it is part of the primary key " + pk + ". Keys identify rows; keep it.");
        });
        referencing(ref, followed, false).ifPresent(fk -> {
            throw error(cannot + "foreign key " + fk + " references it. Keep it, or exclude the referencing "
                    + "table or columns too.");
        });
    }

    private void checkMasked(ColumnRef ref, Column column, Masking masking, List<ForeignKey> followed) {
        String cannot = "Column " + ref + " cannot be masked with " + masking.describe(options.names()) + ": ";
        if (column.generated() || excluded(ref.table(), ref.column())) {
            throw error(cannot + "it is " + (column.generated() ? "generated, and not stored; mask the columns it "
                    + "is computed from." : "excluded as well; choose one of the two."));
        }
        primaryKey(ref).ifPresent(pk -> {
            throw error(cannot + "it is part of the primary key " + pk + ", and masked keys would no longer match "
                    + "the rows that reference them. Mask only columns outside keys.");
        });
        referencing(ref, followed, true).ifPresent(fk -> {
            throw error(cannot + "it belongs to foreign key " + fk + ", and masked values would no longer match "
                    + "their parent rows. Mask only columns outside foreign keys.");
        });
        if (masking.textOnly() && (!collatable.getOrDefault(ref.table(), Set.of()).contains(ref.column())
                || column.typeKind() == Column.TypeKind.ARRAY)) {
            throw error(cannot + "it applies to text-like columns, and the column's type is " + column.type()
                    + ". Mask it with " + options.name(ExportOption.MASKING_SQL) + " (an expression of that type) or "
                    + options.name(ExportOption.MASKING_NULL) + " instead.");
        }
        if (masking == Masking.NULL && !column.nullable()) {
            throw error(cannot + "the column is NOT NULL. Mask it with " + options.name(ExportOption.MASKING_TEXT)
                    + " or " + options.name(ExportOption.MASKING_SQL) + " instead.");
        }
    }

    private Column column(ColumnRef ref, ExportOption option) {
        Table table = schema.table(ref.table()).orElseThrow();
        return table.column(ref.column()).orElseThrow(() -> error("Option " + options.name(option) + " names column "
                + ref
                + ", but " + ref.table() + " has no such column; its columns are " + table.columns().stream()
                        .map(c -> new ColumnRef(ref.table(), c.name()).toString()).collect(Collectors.joining(", "))
                + ". Bare names are folded to lower case; double-quote names with capitals."));
    }

    private Optional<String> primaryKey(ColumnRef ref) {
        return schema.table(ref.table()).orElseThrow().primaryKey()
                .filter(pk -> pk.columns().contains(ref.column())).map(pk -> pk.name() + " " + pk.columns());
    }

    /** A followed foreign key whose parent columns (and, if {@code childSide}, child columns) contain {@code ref}. */
    private static Optional<ForeignKey> referencing(ColumnRef ref, List<ForeignKey> followed, boolean childSide) {
        return followed.stream().filter(fk -> (fk.parent().equals(ref.table())
                && fk.parentColumns().contains(ref.column())) || (childSide && fk.child().equals(ref.table())
                        && fk.childColumns().contains(ref.column()))).findFirst();
    }

    private static List<ColumnRef> sorted(Set<ColumnRef> refs) {
        return refs.stream().sorted(ORDER).toList();
    }

    private static SeedException error(String message) {
        return new SeedException(SeedException.Code.CONFIGURATION, message);
    }
}
