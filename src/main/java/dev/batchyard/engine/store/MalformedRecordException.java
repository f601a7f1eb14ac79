package dev.batchyard.engine.store;

/** A record whose checksum matched but whose payload does not decode: a bug or a format change. */
final class MalformedRecordException extends RuntimeException {
    MalformedRecordException(String message) {
        super(message);
    }
}
