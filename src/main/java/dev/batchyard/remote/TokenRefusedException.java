package dev.batchyard.remote;

import dev.batchyard.engine.store.StoreException;

/**
 * The server answered 401: it knows no such token (a typo, a token rotated away, or none sent to a
 * server that needs one). Nothing was done; a new token is needed, so trying again will not help.
 */
public final class TokenRefusedException extends StoreException {
    public TokenRefusedException(String message) {
        super(message);
    }
}
