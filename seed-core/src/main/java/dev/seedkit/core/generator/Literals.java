package dev.seedkit.core.generator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Turns the values written in a configuration ({@code value}, {@code pick}, {@code each}) into slots for a column's
 * type, refusing what the column cannot hold with the file, line and key: a label the enum lacks, a number outside
 * the type or its checks, invalid JSON, NULL for a NOT NULL column.
 */
final class Literals {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Literals() {
    }

    static Slot of(YamlNode node, ColumnContext context) {
        ColumnType type = context.type();
        if (node.isNull()) {
            if (!context.nullable() && type != JsonTemplates.LEAF) {
                throw node.error(context.describe() + " is NOT NULL, so null cannot be one of its values");
            }
            return new Slot().setNull();
        }
        Slot slot = convert(node, type, context);
        checkAllowed(node, slot, context);
        return slot;
    }

    private static Slot convert(YamlNode node, ColumnType type, ColumnContext context) {
        return switch (type.family()) {
            case INTEGER -> whole(node, type, context);
            case DECIMAL, MONEY -> decimal(node, type, context);
            case FLOAT -> new Slot().setDouble(Scalars.number(node).doubleValue());
            case BOOLEAN -> node.kind() == YamlNode.Kind.BOOLEAN ? new Slot().setBool(Scalars.bool(node))
                    : new Slot().setText(Scalars.string(node));
            case DATE -> new Slot().setDay(Math.floorDiv(Scalars.moment(node), Moments.SECONDS_PER_DAY));
            case TIMESTAMP, TIMESTAMPTZ -> new Slot().setSecond(Scalars.moment(node));
            case ENUM -> label(node, type, context);
            case JSON -> json(node);
            case ARRAY -> array(node, type, context);
            case OTHER -> byKind(node);
            default -> new Slot().setText(Scalars.string(node));
        };
    }

    /** A value inside a JSON template, or of a type the generator does not know: kept as its YAML kind. */
    static Slot byKind(YamlNode node) {
        return switch (node.kind()) {
            case NULL -> new Slot().setNull();
            case BOOLEAN -> new Slot().setBool(Boolean.parseBoolean(node.text()));
            case NUMBER -> {
                BigDecimal number = Scalars.number(node);
                yield number.scale() <= 0 ? new Slot().setLong(number.longValueExact())
                        : new Slot().setScaled(number.unscaledValue().longValueExact(), number.scale());
            }
            case MAP, LIST -> new Slot().setJson(Json.of(node));
            default -> new Slot().setText(node.text());
        };
    }

    private static Slot whole(YamlNode node, ColumnType type, ColumnContext context) {
        long value = Scalars.wholeNumber(node, Long.MIN_VALUE);
        if (value < type.min() || value > type.max()) {
            throw node.error(value + " does not fit " + context.describe() + " (" + type.name() + ": " + type.min()
                    + " to " + type.max() + ")");
        }
        checkBounds(node, BigDecimal.valueOf(value), context);
        return new Slot().setLong(value);
    }

    private static Slot decimal(YamlNode node, ColumnType type, ColumnContext context) {
        BigDecimal value = Scalars.number(node).setScale(type.scale(), RoundingMode.HALF_UP);
        if (type.precision() > 0 && value.precision() - value.scale() > type.precision() - type.scale()) {
            throw node.error(value.toPlainString() + " has too many digits for " + context.describe() + " ("
                    + type.name() + ")");
        }
        checkBounds(node, value, context);
        return new Slot().setScaled(value.unscaledValue().longValueExact(), type.scale());
    }

    private static void checkBounds(YamlNode node, BigDecimal value, ColumnContext context) {
        String violation = Bounds.of(context.facts(), context.type()).violation(value);
        if (violation != null) {
            throw node.error(value.toPlainString() + " is outside what check constraint " + violation + " allows "
                    + "for " + context.describe());
        }
    }

    private static Slot label(YamlNode node, ColumnType type, ColumnContext context) {
        String text = Scalars.string(node);
        if (!type.labels().contains(text)) {
            throw node.error("'" + text + "' is not a label of enum " + type.name() + " (" + context.describe()
                    + "); its labels are " + String.join(", ", type.labels()));
        }
        return new Slot().setText(text);
    }

    private static Slot json(YamlNode node) {
        if (node.isMap() || node.isList() || node.kind() == YamlNode.Kind.NUMBER
                || node.kind() == YamlNode.Kind.BOOLEAN) {
            return new Slot().setJson(Json.of(node));
        }
        try {
            JSON.readTree(node.text());
        } catch (JsonProcessingException e) {
            throw node.error("'" + node.text() + "' is not JSON text; write a YAML map or list for an object or an "
                    + "array, or a JSON string in quotes, e.g. '\"text\"'");
        }
        return new Slot().setJson(node.text());
    }

    private static Slot array(YamlNode node, ColumnType type, ColumnContext context) {
        if (!node.isList()) {
            return new Slot().setText(Scalars.string(node));
        }
        ColumnContext element = context.withType(type.element());
        StringBuilder text = new StringBuilder("{");
        List<YamlNode> items = node.items();
        for (int i = 0; i < items.size(); i++) {
            text.append(i > 0 ? "," : "");
            YamlNode item = items.get(i);
            text.append(item.isNull() ? "NULL" : StructuredRules.arrayElement(convert(item, type.element(), element)
                    .asText()));
        }
        return new Slot().setText(text.append('}').toString());
    }

    private static void checkAllowed(YamlNode node, Slot slot, ColumnContext context) {
        List<String> allowed = context.facts().allowedValues();
        if (allowed != null && !slot.isNull() && !allowed.contains(slot.asText())) {
            throw node.error("'" + slot.asText() + "' is not among the values a check constraint allows for "
                    + context.describe() + ": " + String.join(", ", allowed));
        }
    }
}
