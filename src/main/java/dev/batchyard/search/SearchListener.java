package dev.batchyard.search;

/**
 * Receives a search's hits and progress as they come, on the thread that runs the search (one call
 * at a time, hits of one batch together and in entry order, batches in the order the store holds
 * them). Returning {@code false} from either method cancels the search.
 */
public interface SearchListener {

    boolean hit(SearchHit hit);

    /** Called now and then (a few times a second at most) and once at the end. */
    default boolean progress(SearchProgress progress) {
        return true;
    }
}
