package dev.batchyard.engine.store;

/** {@code persistBatch} refused because a batch with the same id is already stored. */
public final class DuplicateBatchException extends StoreException {
    private final String id;

    public DuplicateBatchException(String id, java.nio.file.Path directory) {
        super("batch '" + id + "' is already in the store " + directory);
        this.id = id;
    }

    public String id() {
        return id;
    }
}
