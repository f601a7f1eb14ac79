package dev.batchyard.connections;

import java.io.IOException;

/** The connections file is not one this Batchyard can read; the message says where and what. */
public final class ConnectionFileException extends IOException {
    public ConnectionFileException(String message) {
        super(message);
    }
}
