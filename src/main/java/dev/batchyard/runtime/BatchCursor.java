package dev.batchyard.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.batchyard.console.BatchOrder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The embedded console's page cursor: the last row's {@link SortKey} and the order it was made for,
 * as base64url JSON ({@code ["b1", field, direction, value, id]}). Opaque to callers; read back only
 * for the same order, and refused with what is wrong when it is not one of these.
 */
final class BatchCursor {
    private static final String VERSION = "b1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private BatchCursor() {
    }

    static String write(BatchOrder order, SortKey last) {
        ArrayNode array = JSON.createArrayNode().add(VERSION).add(order.field().name()).add(order.direction().name())
                .add(last.valueText()).add(last.id());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(array.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException saying what is wrong with a cursor not made by {@link #write} for {@code order} */
    static SortKey read(BatchOrder order, String cursor) {
        JsonNode array;
        try {
            array = JSON.readTree(Base64.getUrlDecoder().decode(cursor));
        } catch (IllegalArgumentException | IOException e) {
            throw refused(cursor, "it does not decode (" + e.getMessage() + ")");
        }
        if (array == null || !array.isArray() || array.size() != 5 || !VERSION.equals(array.get(0).asText())
                || !array.get(4).isTextual() || array.get(4).asText().isEmpty()) {
            throw refused(cursor, "it is not a batch page cursor");
        }
        String made = array.get(1).asText() + " " + array.get(2).asText();
        if (!made.equals(order.field().name() + " " + order.direction().name())) {
            throw refused(cursor, "it was made for the order " + made + ", not " + order.field() + " " + order.direction());
        }
        JsonNode value = array.get(3);
        try {
            return new SortKey(SortKey.parse(order.field(), value.isNull() ? null : value.asText()), array.get(4).asText());
        } catch (RuntimeException e) {
            throw refused(cursor, "its position does not read as " + order.field() + " (" + e.getMessage() + ")");
        }
    }

    private static IllegalArgumentException refused(String cursor, String why) {
        return new IllegalArgumentException("the page cursor of " + cursor.length()
                + " characters was not made by this console: " + why);
    }
}
