package dev.batchyard.engine.store;

/** Bytes {@code [from, to)} of a file. */
public record ByteRange(long from, long to) {
    public ByteRange {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("not a range: [" + from + ", " + to + ")");
        }
    }

    /** Whether any byte of this range is at or after {@code offset}, or the range starts exactly there. */
    public boolean reaches(long offset) {
        return to > offset || from == offset;
    }

    @Override
    public String toString() {
        return "[" + from + ", " + to + ")";
    }
}
