package dev.batchyard.engine.store;

/**
 * A split, merge or edit refused because a batch it replaces changed after it was read (an attempt
 * ended, an operator acted on it): nothing was written; read it again and ask again.
 */
public final class BatchChangedException extends StoreException {
    private final String id;

    public BatchChangedException(String id, String now) {
        super("batch '" + id + "' changed while it was being split, merged or edited (it is now " + now
                + "); nothing was changed: look at it again and repeat");
        this.id = id;
    }

    public String id() {
        return id;
    }
}
