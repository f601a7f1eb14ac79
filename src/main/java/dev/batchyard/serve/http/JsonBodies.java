package dev.batchyard.serve.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The admin API's JSON: plain objects (maps, lists, records) written compactly, with times as
 * ISO-8601 strings. Thread-safe.
 */
public final class JsonBodies {
    private final ObjectMapper mapper = new ObjectMapper().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an answer as JSON: " + e.getOriginalMessage(), e);
        }
    }

    public Answer answer(int status, Object value) {
        return Answer.json(status, write(value));
    }

    /** {@code {"error": message}}: what every refusal of the API looks like. */
    public Answer error(int status, String message) {
        return answer(status, java.util.Map.of("error", message));
    }

    /**
     * {@code {"error": message, "kind": kind}}: a refusal a client tells apart by more than its status
     * (a 409 for a read-only store from one for an id already stored).
     */
    public Answer error(int status, String kind, String message) {
        return answer(status, java.util.Map.of("error", message, "kind", kind));
    }
}
