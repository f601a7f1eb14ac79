package dev.batchyard.engine;

/** Another process holds the store's lock. */
public final class StoreLockedException extends StoreException {
    private final long holderPid;

    public StoreLockedException(String message, long holderPid) {
        super(message);
        this.holderPid = holderPid;
    }

    /** The pid written by the holder, or -1 if it could not be read. */
    public long holderPid() {
        return holderPid;
    }
}
