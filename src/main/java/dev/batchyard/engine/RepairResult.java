package dev.batchyard.engine;

import dev.batchyard.model.BatchState;
import java.util.List;

/**
 * What a split or merge made (or, for a dry run, would make): the batches it replaced, and the new
 * ones with the entries of the old each holds.
 *
 * @param applied whether the store was changed (false for a dry run)
 * @param removed the batches replaced, gone from the store when applied
 * @param made    the new batches, in order
 */
public record RepairResult(boolean applied, List<String> removed, List<Part> made) {
    public RepairResult {
        removed = List.copyOf(removed);
        made = List.copyOf(made);
    }

    /**
     * One new batch.
     *
     * @param state   the state it starts in
     * @param bytes   its size as stored
     * @param sources which entries of which replaced batch it holds, in its order
     */
    public record Part(String id, String sink, BatchState state, int entryCount, long bytes, List<Source> sources) {
        public Part {
            sources = List.copyOf(sources);
        }
    }

    /** Entries of one replaced batch: {@code indexes} as ranges, {@code 3,5-9} ({@link IndexRanges}). */
    public record Source(String batch, String indexes) {
    }
}
