package dev.batchyard.search;

import dev.batchyard.engine.BatchQuery;

/**
 * A search as a tool asks it of a console (near or across a network): the query as typed, whether
 * its words are regular expressions, which batches to look in, and how many hits at most.
 *
 * @param scope which batches (state, sink, ...): {@link BatchQuery#all()} for every stored batch
 * @param limit hits at most, 1 to {@link #MAX_LIMIT}
 */
public record SearchRequest(String query, boolean regex, BatchQuery scope, int limit) {
    public static final int MAX_LIMIT = 1_000_000;

    public SearchRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("a search's limit must be 1 to " + MAX_LIMIT + ", not " + limit);
        }
        scope = scope == null ? BatchQuery.all() : scope;
    }

    /** The query, read: {@link EntryQueryException} when it cannot be. */
    public EntryQuery parsed() {
        return EntryQuery.parse(query, regex);
    }
}
