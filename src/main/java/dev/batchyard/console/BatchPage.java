package dev.batchyard.console;

import dev.batchyard.engine.BatchView;
import java.util.List;

/**
 * One page of batches.
 *
 * @param rows       in the order asked, without entries
 * @param nextCursor where the next page starts, or {@code null} when this is the last
 * @param total      how many batches matched the query in all, when this page was read
 */
public record BatchPage(List<BatchView> rows, String nextCursor, int total) {
    public BatchPage {
        rows = List.copyOf(rows);
        if (total < 0) {
            throw new IllegalArgumentException("total must be >= 0, was " + total);
        }
    }

    /** Whether another page follows. */
    public boolean hasMore() {
        return nextCursor != null;
    }
}
