package dev.batchyard.engine.store;

/** No batch with this id is stored. */
public final class UnknownBatchException extends StoreException {
    private final String id;

    public UnknownBatchException(String id) {
        super("no batch with id '" + id + "' in the store");
        this.id = id;
    }

    public String id() {
        return id;
    }
}
