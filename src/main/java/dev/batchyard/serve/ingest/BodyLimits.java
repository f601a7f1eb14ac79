package dev.batchyard.serve.ingest;

/**
 * How much of a request body is read: {@code maxBodyBytes} as it comes over the wire, and
 * {@code maxDecodedBytes} once decompressed. Both are refused with 413 naming their key.
 */
public record BodyLimits(int maxBodyBytes, int maxDecodedBytes) {
    public static final String BODY_KEY = "serve.limits.max_body_bytes";
    public static final String DECODED_KEY = "serve.limits.max_decoded_bytes";

    public BodyLimits {
        if (maxBodyBytes < 1 || maxDecodedBytes < 1) {
            throw new IllegalArgumentException("body limits must be positive: " + maxBodyBytes + ", " + maxDecodedBytes);
        }
    }
}
