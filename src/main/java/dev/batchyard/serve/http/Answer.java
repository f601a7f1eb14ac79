package dev.batchyard.serve.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a route answers: a status, headers, and a body with its content type (no body for 204), or
 * a body written over time ({@link BodyStream}, {@code stream} not null, {@code body} empty).
 * Immutable.
 */
public record Answer(int status, Map<String, String> headers, String contentType, byte[] body, BodyStream stream) {
    public static final String JSON = "application/json";

    public Answer {
        headers = Map.copyOf(headers);
        Objects.requireNonNull(contentType, "contentType");
        body = body.clone();
        if (stream != null && body.length > 0) {
            throw new IllegalArgumentException("a streamed answer has no body of its own");
        }
    }

    /** A body all at once. */
    public Answer(int status, Map<String, String> headers, String contentType, byte[] body) {
        this(status, headers, contentType, body, null);
    }

    /** A body written over time by {@code stream}, of {@code contentType}. */
    public static Answer streaming(int status, String contentType, BodyStream stream) {
        return new Answer(status, Map.of(), contentType, new byte[0], Objects.requireNonNull(stream, "stream"));
    }

    public static Answer noContent() {
        return new Answer(204, Map.of(), "", new byte[0]);
    }

    public static Answer json(int status, byte[] json) {
        return new Answer(status, Map.of(), JSON, json);
    }

    public static Answer text(int status, String contentType, String text) {
        return new Answer(status, Map.of(), contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    /** This answer with one more header. */
    public Answer with(String header, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(header, value);
        return new Answer(status, more, contentType, body, stream);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    int length() {
        return body.length;
    }

    byte[] bodyForWriting() {
        return body;
    }
}
