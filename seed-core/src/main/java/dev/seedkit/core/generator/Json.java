package dev.seedkit.core.generator;

import java.util.Map;

/** Writes JSON text from configuration nodes and strings, without a library: what templates and picks need. */
final class Json {

    private Json() {
    }

    /** {@code text} as a JSON string, quoted and escaped. */
    static void appendString(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    static String string(String text) {
        StringBuilder out = new StringBuilder();
        appendString(out, text);
        return out.toString();
    }

    /** A configuration node as JSON: maps as objects, lists as arrays, scalars by their YAML kind. */
    static String of(YamlNode node) {
        StringBuilder out = new StringBuilder();
        append(out, node);
        return out.toString();
    }

    private static void append(StringBuilder out, YamlNode node) {
        switch (node.kind()) {
            case MAP -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, YamlNode> entry : node.entries().entrySet()) {
                    out.append(first ? "" : ", ");
                    appendString(out, entry.getKey());
                    out.append(": ");
                    append(out, entry.getValue());
                    first = false;
                }
                out.append('}');
            }
            case LIST -> {
                out.append('[');
                for (int i = 0; i < node.items().size(); i++) {
                    out.append(i > 0 ? ", " : "");
                    append(out, node.items().get(i));
                }
                out.append(']');
            }
            case NULL -> out.append("null");
            case BOOLEAN -> out.append(Boolean.parseBoolean(node.text()));
            case NUMBER -> out.append(node.text());
            default -> appendString(out, node.text());
        }
    }
}
