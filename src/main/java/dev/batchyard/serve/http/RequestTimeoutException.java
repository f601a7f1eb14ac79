package dev.batchyard.serve.http;

/** A body that did not arrive whole within {@code serve.limits.request_timeout}; answered 408. */
public final class RequestTimeoutException extends RuntimeException {
    public RequestTimeoutException(String message) {
        super(message);
    }
}
