package dev.batchyard.serve.http;

import dev.batchyard.engine.store.BackPressureException;
import dev.batchyard.engine.store.BatchTooLargeException;
import dev.batchyard.engine.store.DuplicateBatchException;
import dev.batchyard.engine.store.BatchChangedException;
import dev.batchyard.engine.store.StoreException;
import dev.batchyard.engine.store.StoreReadOnlyException;
import dev.batchyard.engine.store.UnknownBatchException;
import dev.batchyard.serve.ingest.BodyTooLargeException;
import dev.batchyard.serve.ingest.LokiPushBody;
import dev.batchyard.serve.ingest.LokiRouting;
import dev.batchyard.serve.ingest.MalformedBodyException;
import java.time.Duration;
import java.util.Optional;

/**
 * The answer to each refusal a route may throw, so every route refuses the same way:
 * <table>
 *   <caption>status by exception</caption>
 *   <tr><td>400</td><td>a malformed body, a push with no sink to go to, an invalid value</td></tr>
 *   <tr><td>404</td><td>no such batch</td></tr>
 *   <tr><td>408</td><td>a body that did not arrive in time</td></tr>
 *   <tr><td>409</td><td>a batch id that is already stored; a change asked of a read-only store (with why); a split or merge of a batch that changed or is in flight</td></tr>
 *   <tr><td>413</td><td>a body over a limit, as sent or decompressed, or a batch over the store's record limit</td></tr>
 *   <tr><td>415</td><td>a content type or encoding the route does not take</td></tr>
 *   <tr><td>429</td><td>back-pressure: the store is full; {@code Retry-After} says when to come back</td></tr>
 *   <tr><td>503</td><td>the store cannot take writes (a failed or full disk)</td></tr>
 * </table>
 * Anything else is a bug: empty here, answered 500 by the caller, which logs it.
 */
public final class Refusals {
    /** The {@code kind} of a 409 for a batch id already stored. */
    public static final String DUPLICATE = "duplicate";
    /** The {@code kind} of a 409 for a split or merge of a batch that changed or went in flight meanwhile. */
    public static final String CHANGED = "changed";
    /** The {@code kind} of a 409 for a change asked of a store this service may not change. */
    public static final String READ_ONLY = "read_only";
    /** The {@code kind} of a 413 for a batch over the store's {@code max_batch_bytes} (not a body over a limit). */
    public static final String BATCH_TOO_LARGE = "batch_too_large";

    private final JsonBodies json;
    private final long retryAfterSeconds;

    Refusals(JsonBodies json, Duration retryAfter) {
        this.json = json;
        this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    Optional<Answer> answer(Exception e) {
        if (e instanceof MalformedBodyException || e instanceof LokiRouting.UnroutablePushException
                || e instanceof IllegalArgumentException) {
            return Optional.of(json.error(400, e.getMessage()));
        }
        if (e instanceof UnknownBatchException) {
            return Optional.of(json.error(404, e.getMessage()));
        }
        if (e instanceof RequestTimeoutException) {
            return Optional.of(json.error(408, e.getMessage()));
        }
        if (e instanceof DuplicateBatchException) {
            return Optional.of(json.error(409, DUPLICATE, e.getMessage()));
        }
        if (e instanceof BatchChangedException) {
            return Optional.of(json.error(409, CHANGED, e.getMessage()));
        }
        if (e instanceof StoreReadOnlyException) {
            return Optional.of(json.error(409, READ_ONLY, e.getMessage()));
        }
        if (e instanceof BatchTooLargeException) {
            return Optional.of(json.error(413, BATCH_TOO_LARGE, e.getMessage()));
        }
        if (e instanceof BodyTooLargeException) {
            return Optional.of(json.error(413, e.getMessage()));
        }
        if (e instanceof LokiPushBody.UnsupportedTypeException) {
            return Optional.of(json.error(415, e.getMessage()));
        }
        if (e instanceof BackPressureException) {
            return Optional.of(json.error(429, e.getMessage()).with("Retry-After", Long.toString(retryAfterSeconds)));
        }
        if (e instanceof StoreException) {
            return Optional.of(json.error(503, e.getMessage()));
        }
        return Optional.empty();
    }
}
