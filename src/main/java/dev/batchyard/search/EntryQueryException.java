package dev.batchyard.search;

/** A search query that cannot be read: says what is wrong and at which column (1-based) of the query. */
public final class EntryQueryException extends IllegalArgumentException {
    private final int column;

    EntryQueryException(String problem, int column) {
        super("search query, column " + column + ": " + problem);
        this.column = column;
    }

    /** Where in the query (1-based) the problem is. */
    public int column() {
        return column;
    }
}
