package dev.seedkit.core.generator;

import dev.seedkit.core.internal.Identifiers;
import dev.seedkit.core.schema.Column;
import java.util.function.BiFunction;

/**
 * Everything {@link RuleCompiler} needs to compile one column's rule: the table plan, the column and its type, what
 * its checks say, the seed, the defaults, whether its values must differ row by row (it carries a unique key), where
 * a sequence starts, and how names in patterns and {@code after} resolve to values.
 */
record ColumnContext(TablePlan plan, int index, ColumnType type, ColumnFacts facts, long seed,
                     GeneratorConfig.Defaults defaults, String fakerLocale, boolean distinct, long sequenceStart,
                     BiFunction<String, YamlNode, ValueRef> refs) {

    Column column() {
        return plan.column(index);
    }

    /** Whether the column may hold NULL: nullable, and neither a check nor its domain forbids it. */
    boolean nullable() {
        return column().nullable() && !facts.notNull && !type.domainNotNull();
    }

    /** The random stream of this column for {@code purpose} (a path inside its rule, or "default"). */
    Random64 random(String purpose) {
        return Random64.of(seed, plan.name().toString(), column().name(), purpose);
    }

    /** {@code public.users.email} for messages. */
    String describe() {
        return plan.name() + "." + Identifiers.display(column().name());
    }

    ColumnContext withType(ColumnType other) {
        return new ColumnContext(plan, index, other, new ColumnFacts(), seed, defaults, fakerLocale, false,
                sequenceStart, refs);
    }
}
