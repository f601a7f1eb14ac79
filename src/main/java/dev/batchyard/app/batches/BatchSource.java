package dev.batchyard.app.batches;

import dev.batchyard.console.BatchOrder;
import dev.batchyard.console.BatchPage;
import dev.batchyard.console.Console;
import dev.batchyard.console.PageRequest;
import dev.batchyard.engine.BatchQuery;
import dev.batchyard.engine.BatchView;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What the batches window reads from the store: pages at a row index, filtered and sorted where the
 * store is (for a remote console, on the server), counts, and every match walked a page at a time
 * for those who need them all (the failure groups, an action on everything shown). Every method is
 * called off the UI thread, and may block and fail as {@link Console}'s do.
 */
public interface BatchSource {

    /** Pages of this size walk every match ({@link #each}): few passes over the store, bounded memory. */
    int WALK_PAGE = 10_000;

    /** Rows {@code offset} to {@code offset + limit - 1} of the matches in {@code order}, and how many match. */
    BatchPage page(BatchQuery query, BatchOrder order, int offset, int limit);

    /** The current metadata of those of {@code ids} that are stored. */
    List<BatchView> find(Collection<String> ids);

    /** Every sink the stored batches name, sorted. */
    Set<String> sinks();

    /** Every match, oldest first, read a page at a time as the stream is consumed: close it. */
    Stream<BatchView> each(BatchQuery query);

    /** How many batches match. */
    default int count(BatchQuery query) {
        return page(query, BatchOrder.OLDEST_FIRST, 0, 1).total();
    }

    /**
     * How many stored batches were retried 0, 1, ... times, the last count holding every batch retried
     * {@code openFrom} times or more. Counted by the store, never from rows held here: when few batches
     * were ever retried (the usual store) their rows are walked (two or three passes), else each count
     * is asked ({@code openFrom + 1} passes, however many were retried).
     */
    default int[] retryCounts(int openFrom) {
        int[] counts = new int[openFrom + 1];
        int all = count(BatchQuery.all());
        BatchQuery retried = BatchQuery.all().withMinRetries(1);
        int anyRetried = count(retried);
        if (anyRetried <= WALK_PAGE) {
            try (Stream<BatchView> rows = each(retried)) {
                rows.forEach(v -> counts[Math.min(Math.max(v.retryCount(), 0), openFrom)]++);
            }
        } else {
            int[] atLeast = new int[openFrom + 2];
            atLeast[1] = anyRetried;
            for (int retries = 2; retries <= openFrom; retries++) {
                atLeast[retries] = count(BatchQuery.all().withMinRetries(retries));
            }
            for (int retries = 1; retries <= openFrom; retries++) {
                counts[retries] = Math.max(0, atLeast[retries] - atLeast[retries + 1]);
            }
        }
        int sum = 0;
        for (int retries = 1; retries <= openFrom; retries++) {
            sum += counts[retries];
        }
        counts[0] = Math.max(0, all - sum);
        return counts;
    }

    /** The window's store. */
    static BatchSource of(Console console) {
        return new BatchSource() {
            @Override
            public BatchPage page(BatchQuery query, BatchOrder order, int offset, int limit) {
                return console.batches(query, order, PageRequest.at(offset, limit));
            }

            @Override
            public List<BatchView> find(Collection<String> ids) {
                return console.find(ids);
            }

            @Override
            public Set<String> sinks() {
                return new TreeSet<>(console.stats().bySink().keySet());
            }

            @Override
            public Stream<BatchView> each(BatchQuery query) {
                return console.each(query, BatchOrder.OLDEST_FIRST, WALK_PAGE);
            }
        };
    }
}
