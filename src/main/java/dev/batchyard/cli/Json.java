package dev.batchyard.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The {@code --json} output: pretty-printed JSON trees, times as ISO-8601 strings with their
 * offset and nanoseconds, {@code null} for "none". Nothing here depends on the locale. Characters
 * a terminal would act on are escaped ({@link Printable}), which leaves the JSON values as they are.
 */
final class Json {
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    ObjectNode object() {
        return mapper.createObjectNode();
    }

    ArrayNode array() {
        return mapper.createArrayNode();
    }

    void print(PrintWriter out, JsonNode node) {
        try {
            out.println(Printable.json(mapper.writeValueAsString(node)));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree that does not serialise: " + e.getMessage(), e);
        }
    }

    static String time(OffsetDateTime time) {
        return time == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }

    static String time(Instant time) {
        return time == null ? null : DateTimeFormatter.ISO_INSTANT.format(time);
    }
}
