package dev.batchyard.runtime;

/**
 * The embedded console's audit cursor: a line's byte position in {@code audit.log}, which is
 * append-only, so a cursor stays valid for good. Opaque to callers; whether a position starts a
 * line is the reader's check ({@code AuditLog}).
 */
final class AuditCursor {
    private static final String PREFIX = "a1.";

    private AuditCursor() {
    }

    static String write(long position) {
        return PREFIX + position;
    }

    /** The position of {@code cursor}; 0 (the first line) for none. */
    static long read(String cursor) {
        if (cursor == null) {
            return 0;
        }
        long position = -1;
        if (cursor.startsWith(PREFIX) && cursor.length() <= PREFIX.length() + 18
                && cursor.chars().skip(PREFIX.length()).allMatch(c -> c >= '0' && c <= '9')) {
            position = Long.parseLong(cursor.substring(PREFIX.length()));
        }
        if (position < 0) {
            throw new IllegalArgumentException("the audit cursor of " + cursor.length()
                    + " characters was not made by this console");
        }
        return position;
    }
}
