package dev.batchyard.serve.ingest;

/**
 * A body over a size limit: as sent, or once decompressed (a small gzip or snappy body can claim
 * gigabytes). The message names the limit's key and value. Answered 413.
 */
public final class BodyTooLargeException extends RuntimeException {
    public BodyTooLargeException(String message) {
        super(message);
    }
}
