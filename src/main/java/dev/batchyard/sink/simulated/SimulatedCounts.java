package dev.batchyard.sink.simulated;

import java.util.Map;

/**
 * What a simulated sink saw: every attempt, the failures it answered, the distinct batches and the
 * entries it accepted (entries of a batch accepted twice count twice), how many batches it
 * accepted more than once, and how often it accepted each batch id.
 */
public record SimulatedCounts(long attempts, long failures, int distinctBatches, long acceptedEntries,
                              int duplicateBatches, Map<String, Integer> acceptedByBatch) {
    public SimulatedCounts {
        acceptedByBatch = Map.copyOf(acceptedByBatch);
    }
}
