package dev.seedkit.core.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compiles a {@code json:} template: maps become objects and lists arrays, scalars stay literal JSON values, and a
 * map that names a rule ({@code {pick: [light, dark]}}, {@code {range: 1-5}}, {@code {chance: 0.2}}) becomes that
 * rule's value, with numbers and booleans as JSON numbers and booleans and everything else as strings.
 */
final class JsonTemplates {

    /** The type rule values inside a template are made for: they keep the kind their rule gives them. */
    static final ColumnType LEAF = ColumnType.scalar("(json value)");

    private JsonTemplates() {
    }

    static StructuredRules.JsonPart compile(YamlNode node, ColumnContext context, String stream) {
        if (node.isMap() && !Keys.present(node, RuleSpec.RULE_KEYS).isEmpty()) {
            RuleSpec spec = RuleSpec.parse(node, false);
            return new StructuredRules.JsonValue(RuleCompiler.compile(spec, context.withType(LEAF), stream));
        }
        if (node.isMap()) {
            List<String> names = new ArrayList<>();
            List<StructuredRules.JsonPart> values = new ArrayList<>();
            for (Map.Entry<String, YamlNode> entry : node.entries().entrySet()) {
                names.add(Json.string(entry.getKey()));
                values.add(compile(entry.getValue(), context, stream + "." + entry.getKey()));
            }
            return new StructuredRules.JsonObject(names, values);
        }
        if (node.isList()) {
            List<StructuredRules.JsonPart> items = new ArrayList<>();
            for (int i = 0; i < node.items().size(); i++) {
                items.add(compile(node.items().get(i), context, stream + "[" + i + "]"));
            }
            return new StructuredRules.JsonArray(items);
        }
        return new StructuredRules.JsonLiteral(Json.of(node));
    }
}
