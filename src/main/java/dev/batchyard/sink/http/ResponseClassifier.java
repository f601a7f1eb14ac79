package dev.batchyard.sink.http;

import dev.batchyard.engine.DeliveryOutcome;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletionException;

/**
 * Turns an HTTP answer or a transport error into an outcome: 2xx delivered; 408, 429, 5xx,
 * timeouts and connection errors retryable; a redirect (3xx) retryable too, as it is a mistake in
 * the configured URL that the operator must fix, not a verdict on the batch (the batch waits,
 * and the reason says where the sink URL points to); any other status permanent, with an excerpt
 * of the response as the reason (the sink will never accept this batch as it is).
 */
final class ResponseClassifier {
    static final int EXCERPT = 300;

    private ResponseClassifier() {
    }

    static boolean isRetryableStatus(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    static DeliveryOutcome forStatus(String target, int status, String body) {
        if (status >= 200 && status < 300) {
            return DeliveryOutcome.delivered();
        }
        String reason = "HTTP " + status + " from " + target + excerpt(body);
        return isRetryableStatus(status) ? DeliveryOutcome.retryable(reason) : DeliveryOutcome.permanent(reason);
    }

    /**
     * A redirect is not followed (a POST body and its credentials must not go where the config
     * does not say); the operator sees where the URL leads and fixes it. A configuration problem:
     * the batch is held without spending its retries ({@link DeliveryOutcome.Misconfigured}).
     */
    static DeliveryOutcome forRedirect(String target, int status, String location) {
        String where = location == null || location.isBlank() ? "elsewhere (no Location given)"
                : HttpSettings.redact(location.strip());
        return DeliveryOutcome.misconfigured("sink URL redirects to " + where + " (HTTP " + status + " from " + target
                + "); fix the URL in config.yaml");
    }

    /** @param timedOut whether the poster cancelled the exchange because the sink's timeout ran out */
    static DeliveryOutcome forError(String target, Throwable error, Duration timeout, boolean timedOut) {
        Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (timedOut) {
            return DeliveryOutcome.retryable("no answer from " + target + " within " + timeout
                    + " (the whole exchange, body included); the request was cancelled");
        }
        if (e instanceof HttpConnectTimeoutException) {
            return DeliveryOutcome.retryable("could not connect to " + target + " within " + timeout);
        }
        if (e instanceof HttpTimeoutException) {
            return DeliveryOutcome.retryable("no answer from " + target + " within " + timeout);
        }
        if (e instanceof ConnectException) {
            return DeliveryOutcome.retryable("connection to " + target + " refused or unreachable");
        }
        if (e instanceof IOException) {
            return DeliveryOutcome.retryable("I/O error talking to " + target + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        return DeliveryOutcome.retryable("request to " + target + " failed: " + e);
    }

    static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String head = body.length() > EXCERPT * 16 ? body.substring(0, EXCERPT * 16) : body;
        String flat = head.strip().replaceAll("\\s+", " ");
        return ": " + (flat.length() > EXCERPT ? flat.substring(0, EXCERPT) + "…" : flat);
    }
}
