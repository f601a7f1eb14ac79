package dev.batchyard.serve.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.batchyard.serve.ingest.MalformedBodyException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A JSON object an admin route takes as its body, read with its fields checked by name: an unknown
 * field is refused (a typo such as {@code dryrun} must not turn a dry run into the real action), a
 * field of the wrong type names the field and what it takes. Not thread-safe; one per request.
 */
final class JsonRequest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode body;

    private JsonRequest(ObjectNode body) {
        this.body = body;
    }

    /** @param allowed the fields this route takes */
    static JsonRequest read(byte[] bytes, Set<String> allowed) {
        JsonNode node;
        try {
            node = bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new MalformedBodyException("not valid JSON: " + e.getOriginalMessage().replace('\n', ' '), e);
        } catch (IOException e) {
            throw new MalformedBodyException("cannot read the body: " + e.getMessage(), e);
        }
        if (node == null || node.isMissingNode()) {
            node = JSON.createObjectNode();
        }
        if (!(node instanceof ObjectNode object)) {
            throw new MalformedBodyException("the body must be a JSON object with the fields " + new TreeSet<>(allowed));
        }
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new BadParameterException(name, name, "is not a field of this request; allowed: "
                        + new TreeSet<>(allowed));
            }
        }
        return new JsonRequest(object);
    }

    boolean has(String field) {
        JsonNode v = body.get(field);
        return v != null && !v.isNull();
    }

    /** A string field, or null when absent. */
    String text(String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new BadParameterException(field, v.toString(), "must be a string");
        }
        return v.asText();
    }

    boolean flag(String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw new BadParameterException(field, v.toString(), "must be true or false");
        }
        return v.booleanValue();
    }

    /** A number, or null when absent. */
    Double decimal(String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw new BadParameterException(field, v.toString(), "must be a number");
        }
        return v.doubleValue();
    }

    /** An array of strings, or null when absent. */
    List<String> texts(String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw new BadParameterException(field, abbreviated(v), "must be an array of strings");
        }
        List<String> out = new ArrayList<>(v.size());
        for (JsonNode item : v) {
            if (!item.isTextual()) {
                throw new BadParameterException(field, abbreviated(item), "must hold strings only");
            }
            out.add(item.asText());
        }
        return out;
    }

    /**
     * A filter object's values by name as a query string would give them: a string as it is, an
     * array of strings comma-joined, a number as its digits; null when absent.
     */
    java.util.function.Function<String, String> filter(String field, Set<String> allowed) {
        JsonNode v = body.get(field);
        if (!(v instanceof ObjectNode object)) {
            throw new BadParameterException(field, v == null ? null : abbreviated(v), "must be an object with any of "
                    + new TreeSet<>(allowed));
        }
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new BadParameterException(field + "." + name, name, "is not a filter; allowed: "
                        + new TreeSet<>(allowed));
            }
        }
        return name -> {
            JsonNode value = object.get(name);
            if (value == null || value.isNull()) {
                return null;
            }
            if (value.isArray()) {
                List<String> parts = new JsonRequest(object).texts(name);
                return String.join(",", parts);
            }
            if (value.isTextual() || value.isIntegralNumber()) {
                return value.asText();
            }
            throw new BadParameterException(field + "." + name, abbreviated(value), "must be a string, an array of"
                    + " strings or a whole number");
        };
    }

    private static String abbreviated(JsonNode v) {
        String s = v.toString();
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
