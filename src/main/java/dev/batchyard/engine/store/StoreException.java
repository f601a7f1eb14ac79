package dev.batchyard.engine.store;

/**
 * A store operation that could not be done. The message names the store directory, file, offset
 * or batch id involved. Unchecked: the engine's callers decide where to report it.
 */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
