package dev.batchyard.serve.ingest;

/**
 * A request body that cannot be what its route takes: not JSON, not protobuf, a cut snappy block,
 * a stream without labels. The message names the place ({@code streams[2].values[7][0]}, a byte
 * offset) and what is wrong, and is safe to send back to the client: it quotes at most a short,
 * escaped piece of the body. Answered 400.
 */
public final class MalformedBodyException extends RuntimeException {
    public MalformedBodyException(String message) {
        super(message);
    }

    public MalformedBodyException(String message, Throwable cause) {
        super(message, cause);
    }
}
