package dev.batchyard.engine.store;

import java.nio.file.Path;

/** A change asked of a store opened read-only (browsing a store another process holds). */
public final class StoreReadOnlyException extends StoreException {
    private final Path directory;

    public StoreReadOnlyException(Path directory) {
        super("store " + directory + " is open read-only");
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }
}
