package dev.batchyard.legacy.dlq;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an import of a dead-letter directory did (or, in a dry run, would do).
 *
 * @param stored         the batches stored (or that would be), in the order they were made
 * @param notStored      batches the store refused (full, or for another reason), with its words
 * @param damaged        the first {@link DlqImport#LISTED_LINES} lines not taken in, in file order
 * @param damagedByProblem how many lines were not taken in, by problem (all of them, also those not listed)
 * @param refused        files not read, or not to their end
 */
public record DlqImportReport(List<StoredBatch> stored, List<NotStored> notStored, List<DamagedLine> damaged,
                              Map<LineProblem, Long> damagedByProblem, List<RefusedFile> refused) {
    public DlqImportReport {
        stored = List.copyOf(stored);
        notStored = List.copyOf(notStored);
        damaged = List.copyOf(damaged);
        damagedByProblem = Map.copyOf(damagedByProblem);
        refused = List.copyOf(refused);
    }

    /** A batch made of dead letters of one sink; {@code first} is the place of its first line. */
    public record StoredBatch(String id, String sink, int entries, String first) {
        public StoredBatch {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(sink, "sink");
            Objects.requireNonNull(first, "first");
        }
    }

    /**
     * A batch the store did not take.
     *
     * @param storeFull true when the store holds as much as it may ({@code max_pending_*})
     * @param reason    the store's words
     */
    public record NotStored(StoredBatch batch, boolean storeFull, String reason) {
        public NotStored {
            Objects.requireNonNull(batch, "batch");
            reason = reason == null ? "" : reason;
        }
    }

    /** Entries stored (or that would be). */
    public long entriesStored() {
        return stored.stream().mapToLong(StoredBatch::entries).sum();
    }

    /** Lines not taken in, whether listed or only counted. */
    public long linesNotTakenIn() {
        return damagedByProblem.values().stream().mapToLong(Long::longValue).sum();
    }
}
