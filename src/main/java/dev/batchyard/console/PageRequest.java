package dev.batchyard.console;

/**
 * Which page to read: the first, or the one after a cursor a console returned, of at most
 * {@code limit} rows. A cursor is opaque: only the console that made it reads it.
 *
 * @param cursor {@code null} for the first page
 * @param limit  at least 1; a console may return fewer rows (a server caps its pages)
 */
public record PageRequest(String cursor, int limit) {
    /** Cursors are short (a sort key and an id); anything longer was not made by a console. */
    public static final int MAX_CURSOR_LENGTH = 8192;

    public PageRequest {
        if (limit < 1) {
            throw new IllegalArgumentException("a page holds at least 1 row, not " + limit);
        }
        if (cursor != null && (cursor.isEmpty() || cursor.length() > MAX_CURSOR_LENGTH)) {
            throw new IllegalArgumentException("a cursor has 1 to " + MAX_CURSOR_LENGTH + " characters, not "
                    + cursor.length());
        }
    }

    public static PageRequest first(int limit) {
        return new PageRequest(null, limit);
    }

    public static PageRequest after(String cursor, int limit) {
        return new PageRequest(cursor, limit);
    }
}
