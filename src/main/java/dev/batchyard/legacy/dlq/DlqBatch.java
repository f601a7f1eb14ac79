package dev.batchyard.legacy.dlq;

import java.util.List;
import java.util.Objects;

/**
 * Dead letters of one failed sink, in file order, to be stored as one batch.
 *
 * @param id derived from the sink and the entries' ids ({@link DlqBatching#idFor}): the same lines
 *           give the same id on every import
 */
public record DlqBatch(String id, String sink, List<DeadLetter> letters) {
    public DlqBatch {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sink, "sink");
        letters = List.copyOf(letters);
        if (letters.isEmpty()) {
            throw new IllegalArgumentException("dead-letter batch '" + id + "' has no entries");
        }
    }
}
