package dev.batchyard.training.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree whose every node remembers its line and its key path, so that a
 * scenario's reader can say "line 12, key {@code timeline[2].break}: ..." for a value that parses
 * but cannot be used (Jackson's own tree forgets where each value was). Immutable.
 *
 * @param path   the key path from the root ({@code tasks[0].check}); empty for the root
 * @param line   1-based line of the node's first token
 * @param value  a {@code Map<String, YamlNode>} (in file order), a {@code List<YamlNode>}, a
 *               {@code String} for any scalar (numbers and booleans as written), or {@code null}
 */
record YamlNode(String path, int line, Object value) {

    /** Reads one document; a key given twice is refused, as in {@code config.yaml}. */
    static YamlNode parse(String text, ScenarioSource source) {
        try (JsonParser parser = new YAMLFactory().createParser(text)) {
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            if (parser.nextToken() == null) {
                throw new ScenarioException(source, 1, "", "the file is empty");
            }
            return read(parser, "", source);
        } catch (IOException e) {
            int line = e instanceof JsonProcessingException p && p.getLocation() != null ? p.getLocation().getLineNr() : 0;
            String why = e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
            throw new ScenarioException(source, line, "", "not valid YAML: " + String.valueOf(why).replace('\n', ' '));
        }
    }

    private static YamlNode read(JsonParser parser, String path, ScenarioSource source) throws IOException {
        int line = parser.currentTokenLocation().getLineNr();
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Map<String, YamlNode> fields = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                parser.nextToken();
                fields.put(key, read(parser, path.isEmpty() ? key : path + "." + key, source));
            }
            return new YamlNode(path, line, Collections.unmodifiableMap(fields));
        }
        if (token == JsonToken.START_ARRAY) {
            List<YamlNode> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(read(parser, path + "[" + items.size() + "]", source));
            }
            return new YamlNode(path, line, List.copyOf(items));
        }
        return new YamlNode(path, line, token == JsonToken.VALUE_NULL ? null : parser.getText());
    }

    boolean isMap() {
        return value instanceof Map;
    }

    boolean isList() {
        return value instanceof List;
    }

    boolean isScalar() {
        return value instanceof String;
    }
}
