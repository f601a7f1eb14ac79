package dev.batchyard.serve.http;

import dev.batchyard.serve.auth.Caller;
import java.util.Map;

/**
 * One request as a route sees it: who called, the path's parameters, headers, the query, and the
 * body, read within the server's limits. Not thread-safe; one per request.
 */
public interface Exchange {
    Caller caller();

    /** A header's value, or null. */
    String header(String name);

    /** A query parameter's value, or null. */
    String query(String name);

    /** The values of the path's {@code {name}} segments. */
    Map<String, String> pathParameters();

    /**
     * The whole body as sent (still compressed, if it is). Refused with
     * {@link dev.batchyard.serve.ingest.BodyTooLargeException} past {@code serve.limits.max_body_bytes}
     * and with {@link RequestTimeoutException} past {@code serve.limits.request_timeout}.
     */
    byte[] body();
}
