package dev.batchyard.console;

/**
 * Which page to read: the first, the one after a cursor a console returned, or the one at a row
 * index, of at most {@code limit} rows. A cursor is opaque: only the console that made it reads it.
 * An offset skips that many rows (after the cursor, if there is one): what a scrollbar asks for,
 * "rows k to k + n of this order", where following cursors from the first page would read every
 * row before k. Unlike a cursor, an offset is not stable: batches added or removed before it shift
 * the rows it finds.
 *
 * @param cursor {@code null} for the first page
 * @param limit  at least 1; a console may return fewer rows (a server caps its pages)
 * @param offset rows to skip, 0 or more
 */
public record PageRequest(String cursor, int limit, int offset) {
    /** Cursors are short (a sort key and an id); anything longer was not made by a console. */
    public static final int MAX_CURSOR_LENGTH = 8192;

    public PageRequest {
        if (limit < 1) {
            throw new IllegalArgumentException("a page holds at least 1 row, not " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("a page starts at row 0 or later, not " + offset);
        }
        if (cursor != null && (cursor.isEmpty() || cursor.length() > MAX_CURSOR_LENGTH)) {
            throw new IllegalArgumentException("a cursor has 1 to " + MAX_CURSOR_LENGTH + " characters, not "
                    + cursor.length());
        }
    }

    /** A page that skips nothing. */
    public PageRequest(String cursor, int limit) {
        this(cursor, limit, 0);
    }

    public static PageRequest first(int limit) {
        return new PageRequest(null, limit);
    }

    public static PageRequest after(String cursor, int limit) {
        return new PageRequest(cursor, limit);
    }

    /** Rows {@code offset} to {@code offset + limit - 1} (counting from 0) of the order. */
    public static PageRequest at(int offset, int limit) {
        return new PageRequest(null, limit, offset);
    }
}
