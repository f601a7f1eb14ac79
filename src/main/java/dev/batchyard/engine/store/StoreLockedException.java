package dev.batchyard.engine.store;

import java.nio.file.Path;

/** Another process holds the store's lock. */
public final class StoreLockedException extends StoreException {
    private final Path directory;
    private final long holderPid;

    public StoreLockedException(String message, Path directory, long holderPid) {
        super(message);
        this.directory = directory;
        this.holderPid = holderPid;
    }

    /** The store directory whose lock is held. */
    public Path directory() {
        return directory;
    }

    /** The pid written by the holder, or -1 if it could not be read. */
    public long holderPid() {
        return holderPid;
    }
}
