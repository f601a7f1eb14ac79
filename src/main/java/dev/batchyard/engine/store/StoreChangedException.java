package dev.batchyard.engine.store;

import java.nio.file.Path;

/**
 * A read-only view of a store can no longer answer: the process writing the store moved the data
 * since the view was opened (compaction rewrote the segment a batch was in, and deleted it), or kept
 * moving it while the view was being opened. Nothing is wrong with the store; open the view again
 * to see it as it is now.
 */
public final class StoreChangedException extends StoreException {
    private final Path directory;

    public StoreChangedException(String message, Path directory) {
        super(message);
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }
}
