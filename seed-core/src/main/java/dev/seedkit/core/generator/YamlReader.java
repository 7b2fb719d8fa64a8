package dev.seedkit.core.generator;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.seedkit.core.SeedException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML text into {@link YamlNode}s with Jackson's streaming YAML parser, keeping each node's line: a tree
 * model would lose them, and configuration errors must name the line. Duplicate keys are refused (a later one would
 * silently win).
 */
final class YamlReader {

    private static final YAMLFactory FACTORY = new YAMLFactory();

    private final String source;
    private final JsonParser parser;

    private YamlReader(String source, JsonParser parser) {
        this.source = source;
        this.parser = parser;
    }

    /** The document in {@code text}; {@code source} names it in messages (a file name). */
    static YamlNode read(String source, String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            YamlReader reader = new YamlReader(source, parser);
            JsonToken first = parser.nextToken();
            if (first == null) {
                return YamlNode.map(source, Map.of(), 1, "");
            }
            return reader.node("");
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new SeedException(SeedException.Code.CONFIGURATION, "Generator config " + source
                    + (line > 0 ? ", line " + line : "") + " is not valid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new SeedException(SeedException.Code.CONFIGURATION, "Could not read generator config " + source
                    + ": " + e.getMessage(), e);
        }
    }

    private YamlNode node(String path) throws IOException {
        int line = parser.currentTokenLocation().getLineNr();
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> map(path, line);
            case START_ARRAY -> list(path, line);
            case VALUE_STRING -> YamlNode.scalar(source, YamlNode.Kind.STRING, parser.getText(), line, path);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> YamlNode.scalar(source, YamlNode.Kind.NUMBER,
                    parser.getText(), line, path);
            case VALUE_TRUE, VALUE_FALSE -> YamlNode.scalar(source, YamlNode.Kind.BOOLEAN, parser.getText(), line,
                    path);
            case VALUE_NULL -> YamlNode.scalar(source, YamlNode.Kind.NULL, null, line, path);
            default -> throw new SeedException(SeedException.Code.CONFIGURATION, "Generator config " + source
                    + ", line " + line + ": unexpected " + token + "; use plain maps, lists and values");
        };
    }

    private YamlNode map(String path, int line) throws IOException {
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            int keyLine = parser.currentTokenLocation().getLineNr();
            parser.nextToken();
            YamlNode value = node(path.isEmpty() ? key : path + "." + key);
            if (entries.put(key, value) != null) {
                throw YamlNode.scalar(source, YamlNode.Kind.STRING, key, keyLine, value.path())
                        .error("the key is given twice in the same map; keep one");
            }
        }
        return YamlNode.map(source, entries, line, path);
    }

    private YamlNode list(String path, int line) throws IOException {
        List<YamlNode> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(node(path + "[" + items.size() + "]"));
        }
        return YamlNode.list(source, items, line, path);
    }
}
