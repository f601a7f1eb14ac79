package dev.batchyard.search;

/**
 * How far a search has come. Immutable.
 *
 * @param batchesTotal    batches in the search's scope when it started
 * @param batchesScanned  of those, read so far (those gone meanwhile included)
 * @param entriesScanned  entries tested so far
 * @param hits            entries that matched so far
 * @param batchesWithHits batches holding at least one of them
 */
public record SearchProgress(int batchesTotal, int batchesScanned, long entriesScanned, long hits,
                             int batchesWithHits) {

    public static final SearchProgress NONE = new SearchProgress(0, 0, 0, 0, 0);

    /** Scanned share, 0 to 1 (1 for an empty scope). */
    public double fraction() {
        return batchesTotal == 0 ? 1 : (double) batchesScanned / batchesTotal;
    }
}
