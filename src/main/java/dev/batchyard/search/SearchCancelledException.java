package dev.batchyard.search;

/** Thrown inside a scan to unwind it when its search was cancelled; never leaves {@link EntrySearch}. */
final class SearchCancelledException extends RuntimeException {
    SearchCancelledException() {
        super("search cancelled", null, false, false);
    }
}
