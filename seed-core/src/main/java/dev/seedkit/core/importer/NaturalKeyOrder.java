package dev.seedkit.core.importer;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.schema.TableName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order in which {@link KeyMaps} builds its maps: a natural key that holds a reference to another table with a
 * natural key (e.g. {@code (tenant_id, code)}, tenants matched by their name) is matched on the rewritten reference,
 * so that table's map comes first. A natural key cannot depend on its own table (a parent in the same table is
 * matched in the same pass) or on a circle of such tables: those are refused, naming the columns.
 */
final class NaturalKeyOrder {

    private final Map<TableName, KeyMap> maps;
    private final Map<TableName, List<KeyMap.Reference>> references;
    private final Map<TableName, KeyMap> ordered = new LinkedHashMap<>();
    private final Set<TableName> visiting = new LinkedHashSet<>();

    private NaturalKeyOrder(Map<TableName, KeyMap> maps, Map<TableName, List<KeyMap.Reference>> references) {
        this.maps = maps;
        this.references = references;
    }

    /** {@code maps}, each after the maps its natural key depends on. */
    static Map<TableName, KeyMap> of(Map<TableName, KeyMap> maps, Map<TableName, List<KeyMap.Reference>> references) {
        NaturalKeyOrder order = new NaturalKeyOrder(maps, references);
        maps.keySet().forEach(order::visit);
        return order.ordered;
    }

    private void visit(TableName table) {
        if (ordered.containsKey(table)) {
            return;
        }
        if (!visiting.add(table)) {
            List<TableName> circle = new ArrayList<>(visiting);
            throw new SeedException(SeedException.Code.CONFIGURATION, "The natural keys of " + circle.subList(
                    circle.indexOf(table), circle.size()) + " reference each other in a circle, so no table's rows "
                    + "can be matched before another's. Declare a natural key for one of them that holds no "
                    + "reference to the others.");
        }
        KeyMap map = maps.get(table);
        for (KeyMap.Reference reference : references.get(table)) {
            List<String> inKey = reference.foreignKey().childColumns().stream()
                    .filter(map.naturalKey()::contains).toList();
            if (inKey.isEmpty()) {
                continue;
            }
            if (reference.parent().equals(table)) {
                throw new SeedException(SeedException.Code.CONFIGURATION, "The natural key " + map.naturalKey()
                        + " of " + table + " holds " + inKey + ", which references " + table + " itself (foreign "
                        + "key " + reference.foreignKey().name() + "): a row could only be matched once the row it "
                        + "references is, in the same table. Declare a natural key without " + inKey + ", e.g. "
                        + "a unique code or path.");
            }
            visit(reference.parent());
        }
        visiting.remove(table);
        ordered.put(table, map);
    }
}
