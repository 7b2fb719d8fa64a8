package dev.seedkit.core.generator;

import java.util.List;

/**
 * The rules that make structured values: JSON documents from a template whose leaves are rules or literals, and
 * PostgreSQL array literals of a random size whose elements come from a rule.
 */
final class StructuredRules {

    private StructuredRules() {
    }

    /** One piece of a JSON template. */
    interface JsonPart {
        void append(Row row, StringBuilder out, Slot scratch);
    }

    /** Literal JSON text. */
    record JsonLiteral(String json) implements JsonPart {
        @Override
        public void append(Row row, StringBuilder out, Slot scratch) {
            out.append(json);
        }
    }

    /** A JSON object: {@code names} are already quoted and escaped. */
    record JsonObject(List<String> names, List<JsonPart> values) implements JsonPart {
        @Override
        public void append(Row row, StringBuilder out, Slot scratch) {
            out.append('{');
            for (int i = 0; i < names.size(); i++) {
                out.append(i > 0 ? ", " : "").append(names.get(i)).append(": ");
                values.get(i).append(row, out, scratch);
            }
            out.append('}');
        }
    }

    /** A JSON array. */
    record JsonArray(List<JsonPart> items) implements JsonPart {
        @Override
        public void append(Row row, StringBuilder out, Slot scratch) {
            out.append('[');
            for (int i = 0; i < items.size(); i++) {
                out.append(i > 0 ? ", " : "");
                items.get(i).append(row, out, scratch);
            }
            out.append(']');
        }
    }

    /** A value from a rule: numbers and booleans as such, NULL as {@code null}, everything else as a string. */
    record JsonValue(Rule rule) implements JsonPart {
        @Override
        public void append(Row row, StringBuilder out, Slot scratch) {
            rule.fill(row, scratch);
            switch (scratch.kind) {
                case NULL -> out.append("null");
                case LONG, SCALED, DOUBLE, BOOL, JSON -> SlotFormat.appendPlain(out, scratch);
                default -> Json.appendString(out, scratch.asText());
            }
        }
    }

    /** A whole JSON document from a template. */
    record JsonDocument(JsonPart template) implements Rule {
        @Override
        public void fill(Row row, Slot out) {
            StringBuilder text = new StringBuilder();
            template.append(row, text, new Slot());
            out.setJson(text.toString());
        }
    }

    /** An array literal of {@code low} to {@code high} elements made by {@code element}. */
    record ArrayOf(long low, long high, Rule element, Random64 random) implements Rule {
        @Override
        public void fill(Row row, Slot out) {
            long size = random.at(row).between(low, high);
            StringBuilder text = new StringBuilder("{");
            Slot slot = new Slot();
            int outer = row.element();
            try {
                for (int i = 0; i < size; i++) {
                    row.element(outer * 100 + i + 1);
                    element.fill(row, slot);
                    text.append(i > 0 ? "," : "");
                    appendElement(text, slot);
                }
            } finally {
                row.element(outer);
            }
            out.setText(text.append('}').toString());
        }

        private static void appendElement(StringBuilder out, Slot slot) {
            if (slot.isNull()) {
                out.append("NULL");
                return;
            }
            out.append(arrayElement(slot.asText()));
        }
    }

    /** An array element as PostgreSQL's array input reads it: quoted when it must be. */
    static String arrayElement(String text) {
        boolean quote = text.isEmpty() || text.equalsIgnoreCase("NULL");
        for (int i = 0; i < text.length() && !quote; i++) {
            char c = text.charAt(i);
            quote = c == '{' || c == '}' || c == ',' || c == '"' || c == '\\' || Character.isWhitespace(c);
        }
        if (!quote) {
            return text;
        }
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('"').toString();
    }
}
