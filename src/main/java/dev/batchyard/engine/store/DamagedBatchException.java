package dev.batchyard.engine.store;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A batch's record failed its checksum (or did not decode) when it was read: its entries cannot be
 * given out. In a writable store the batch has been set aside: removed from the pending batches,
 * never sent, its bytes kept in {@code quarantine/} ({@link #keptIn()}) and the damage reported.
 * In a read-only view it is left in place and reported. Not a delivery failure: no retry is counted.
 */
public final class DamagedBatchException extends StoreException {
    private final String id;
    private final Path keptIn;

    /** @param keptIn where the batch's bytes now are, or {@code null} when it was left in place (read-only) */
    public DamagedBatchException(String message, String id, Path keptIn) {
        super(message);
        this.id = id;
        this.keptIn = keptIn;
    }

    public String id() {
        return id;
    }

    /** The file in {@code quarantine/} that now holds the batch's bytes; empty when it was left in place. */
    public Optional<Path> keptIn() {
        return Optional.ofNullable(keptIn);
    }
}
