package dev.batchyard.app.charts;

import dev.batchyard.engine.BatchView;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * How many stored batches have been retried 0, 1, 2, ... times, from a snapshot of the batch
 * list. The buckets are fixed (the last one collects everything from {@code openFrom} up), so
 * the chart keeps the same bars and only their heights change.
 *
 * <p>Not thread-safe: FX thread only.
 */
public final class RetryDistributionViewModel {
    private final int openFrom;
    private final ObservableList<RetryBucket> buckets = FXCollections.observableArrayList();
    private final ObservableList<RetryBucket> readOnlyBuckets = FXCollections.unmodifiableObservableList(buckets);

    public RetryDistributionViewModel(int openFrom) {
        if (openFrom < 1) {
            throw new IllegalArgumentException("the open bucket must start at 1 or more, was " + openFrom);
        }
        this.openFrom = openFrom;
        for (int retries = 0; retries <= openFrom; retries++) {
            buckets.add(new RetryBucket(retries, retries == openFrom, 0));
        }
    }

    public void accept(List<BatchView> batches) {
        int[] counts = new int[openFrom + 1];
        for (BatchView batch : batches) {
            counts[Math.min(Math.max(batch.retryCount(), 0), openFrom)]++;
        }
        acceptCounts(counts);
    }

    /** How many batches were retried 0 to {@code openFrom - 1} times, and {@code openFrom} or more: one count each. */
    public void acceptCounts(int[] counts) {
        if (counts.length != openFrom + 1) {
            throw new IllegalArgumentException(openFrom + 1 + " counts are needed, not " + counts.length);
        }
        for (int i = 0; i <= openFrom; i++) {
            if (buckets.get(i).batches() != counts[i]) {
                buckets.set(i, new RetryBucket(i, i == openFrom, counts[i]));
            }
        }
    }

    public int openFrom() {
        return openFrom;
    }

    /** Exactly {@code openFrom + 1} buckets, fewest retries first. */
    public ObservableList<RetryBucket> buckets() {
        return readOnlyBuckets;
    }
}
