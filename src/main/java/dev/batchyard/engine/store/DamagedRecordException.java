package dev.batchyard.engine.store;

import java.io.IOException;

/**
 * A record read from a segment is not what was written: cut short, failing its checksum, not
 * decoding, or not the batch the index expects there. Unlike any other {@link IOException} of a
 * read (the disk refusing), the bytes themselves are wrong, and reading them again will not help.
 */
final class DamagedRecordException extends IOException {
    DamagedRecordException(String message) {
        super(message);
    }

    DamagedRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
