package dev.seedkit.core.changes;

import dev.seedkit.core.SeedException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a test changed since its database was seeded, per table: {@link Baseline#changes} computes it. Lists only
 * the tables that changed; {@link #table(String)} answers for any table the baseline holds.
 *
 * <pre>{@code
 * Changes changes = baseline.changes(connection);
 * assertThat(changes.changedTables()).containsExactly("public.orders");
 * assertThat(changes.table("public.orders").inserted()).hasSize(1);
 * }</pre>
 */
public final class Changes {

    private final Map<String, TableChanges> changed;
    private final List<String> known;

    Changes(Map<String, TableChanges> changed, List<String> known) {
        this.changed = Map.copyOf(changed);
        this.known = List.copyOf(known);
    }

    /** The tables the test changed, sorted, e.g. {@code [public.orders]}. */
    public List<String> changedTables() {
        return changed.keySet().stream().sorted().toList();
    }

    /** Whether the test changed nothing. */
    public boolean isEmpty() {
        return changed.isEmpty();
    }

    /**
     * The changes to {@code table} ({@code schema.table}, or a bare name when one schema has it); empty when the test
     * left it as seeded.
     *
     * @throws SeedException {@code CONFIGURATION} for a table the baseline does not hold
     */
    public TableChanges table(String table) {
        String name = Baseline.resolve(table, known);
        TableChanges found = changed.get(name);
        return found != null ? found : new TableChanges(name, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** Every changed table's changes as text tables; {@code no changes} when there are none. */
    public String render() {
        return changed.isEmpty() ? "no changes" : changedTables().stream().map(t -> changed.get(t).render())
                .collect(Collectors.joining());
    }

    @Override
    public String toString() {
        return render();
    }
}
