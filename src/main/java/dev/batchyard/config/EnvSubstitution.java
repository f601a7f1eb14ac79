package dev.batchyard.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.batchyard.engine.ConfigException;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@code ${VAR}} in the values of {@code config.yaml} (README, "Secrets out of config.yaml"):
 * <ul>
 *   <li>{@code ${VAR}} is the environment variable's value; {@code ${VAR:-default}} is
 *       {@code default} when the variable is unset or empty. A variable that is unset, with no
 *       default, is an error naming the key and the variable (an empty value is used as it is).</li>
 *   <li>{@code $$} is one literal {@code $}; a {@code $} followed by anything else stays as written.</li>
 *   <li>Only values are substituted, never keys, and only in the sections Batchyard reads
 *       ({@code persistence}, {@code sinks}, {@code serve}). It happens after the YAML is parsed, so a variable's
 *       value is always one value and can never add keys or sections.</li>
 *   <li>A value that is exactly one reference takes the type of what it becomes: {@code true} or
 *       {@code false} a boolean, a whole number (no leading zero) a number, anything else text; so
 *       {@code enabled: ${LOKI_ENABLED}} works where a boolean is required.</li>
 * </ul>
 * Variable names are letters, digits and {@code _}, not starting with a digit. Stateless apart from
 * the environment it is given.
 */
final class EnvSubstitution {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?(0|[1-9][0-9]{0,17})");

    private final Function<String, String> env;

    EnvSubstitution(Function<String, String> env) {
        this.env = env;
    }

    /** {@code section} with every value substituted (a copy; {@code null} stays {@code null}). */
    JsonNode apply(JsonNode section, String path) {
        if (section == null) {
            return null;
        }
        JsonNode copy = section.deepCopy();
        return walk(copy, path);
    }

    private JsonNode walk(JsonNode node, String key) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                field.setValue(walk(field.getValue(), key + "." + field.getKey()));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, walk(array.get(i), key + "[" + i + "]"));
            }
        } else if (node.isTextual() && node.asText().indexOf('$') >= 0) {
            return substitute(node.asText(), key);
        }
        return node;
    }

    private JsonNode substitute(String text, String key) {
        StringBuilder out = new StringBuilder(text.length());
        int references = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '$') {
                out.append('$');
                i += 2;
            } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                int end = text.indexOf('}', i + 2);
                if (end < 0) {
                    throw new ConfigException(key, text, "has a ${ without its closing }; write $$ for a literal $");
                }
                out.append(resolve(text.substring(i + 2, end), text, key));
                references++;
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        String value = out.toString();
        boolean whole = references == 1 && text.startsWith("${") && text.indexOf('}') == text.length() - 1;
        return whole ? typed(value) : TextNode.valueOf(value);
    }

    private String resolve(String reference, String text, String key) {
        int dflt = reference.indexOf(":-");
        String name = dflt < 0 ? reference : reference.substring(0, dflt);
        if (!NAME.matcher(name).matches()) {
            throw new ConfigException(key, text, "refers to '" + name + "', which is not a variable name"
                    + " (letters, digits and _); write $$ for a literal $");
        }
        String value = env.apply(name);
        if (dflt >= 0) {
            return value == null || value.isEmpty() ? reference.substring(dflt + 2) : value;
        }
        if (value == null) {
            throw new ConfigException(key, text, "refers to the environment variable " + name
                    + ", which is not set; set it, or give a default: ${" + name + ":-value}");
        }
        return value;
    }

    private static JsonNode typed(String value) {
        if (value.equals("true") || value.equals("false")) {
            return BooleanNode.valueOf(Boolean.parseBoolean(value));
        }
        if (WHOLE_NUMBER.matcher(value).matches()) {
            return LongNode.valueOf(Long.parseLong(value));
        }
        return TextNode.valueOf(value);
    }
}
