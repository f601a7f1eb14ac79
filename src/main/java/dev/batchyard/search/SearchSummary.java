package dev.batchyard.search;

import java.time.Duration;
import java.util.List;

/**
 * How a search ended. Immutable.
 *
 * @param progress   the last progress: what was scanned and found
 * @param ending     why it stopped
 * @param took       from start to end
 * @param unreadable batches whose entries could not be read (damaged records; each "id: why", at most
 *                   {@link #MAX_UNREADABLE} named): skipped, never silently
 * @param unreadableCount how many there were in all
 */
public record SearchSummary(SearchProgress progress, Ending ending, Duration took, List<String> unreadable,
                            int unreadableCount) {
    public static final int MAX_UNREADABLE = 20;

    public SearchSummary {
        unreadable = List.copyOf(unreadable);
    }

    public enum Ending {
        /** Every batch in scope was read. */
        COMPLETE,
        /** The hit limit was reached first: there may be more. */
        LIMIT_REACHED,
        /** The listener (the operator) stopped it. */
        CANCELLED
    }
}
