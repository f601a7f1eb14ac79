package dev.batchyard.engine;

import java.util.List;
import java.util.Objects;

/**
 * How to split one stored batch into new batches of the same sink and context (see
 * {@link BatchPersistence#split}).
 *
 * @param id        the batch to split
 * @param how       {@link How#FAILED}: the entries its sink rejected in the latest attempt that named any,
 *                  and the rest; {@link How#ENTRIES}: {@code entries} and the rest; {@link How#CHUNKS}:
 *                  consecutive batches of {@code chunkSize} entries (the last may be smaller)
 * @param entries   for {@code ENTRIES}: the indexes of the entries to take out (from 0), else empty
 * @param chunkSize for {@code CHUNKS}: entries per new batch, else 0
 * @param dryRun    say what would be made, change nothing
 */
public record SplitRequest(String id, How how, List<Integer> entries, int chunkSize, boolean dryRun) {
    /** What goes into which new batch. */
    public enum How { FAILED, ENTRIES, CHUNKS }

    public SplitRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(how, "how");
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    /** The entries the sink rejected into one batch, the rest (which may go now) into another. */
    public static SplitRequest failedEntries(String id) {
        return new SplitRequest(id, How.FAILED, List.of(), 0, false);
    }

    /** {@code entries} into one batch, the rest into another. */
    public static SplitRequest entries(String id, List<Integer> entries) {
        return new SplitRequest(id, How.ENTRIES, entries, 0, false);
    }

    /** Consecutive batches of {@code size} entries. */
    public static SplitRequest chunks(String id, int size) {
        return new SplitRequest(id, How.CHUNKS, List.of(), size, false);
    }

    public SplitRequest asDryRun() {
        return new SplitRequest(id, how, entries, chunkSize, true);
    }
}
