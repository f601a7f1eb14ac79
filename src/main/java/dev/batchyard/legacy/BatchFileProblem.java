package dev.batchyard.legacy;

/** Why a {@code batch_*.json} could not be taken in. */
public enum BatchFileProblem {
    /** zero bytes (or only whitespace): the Go agent crashed between create and write */
    EMPTY("empty"),
    /** valid JSON up to where the file ends: a write cut short by a crash */
    CUT_SHORT("cut short"),
    /** not JSON at all */
    NOT_JSON("not JSON"),
    /** JSON, but not the shape of a PersistedBatch */
    NOT_A_BATCH("not a batch"),
    /** a batch whose id is not the one its file name says */
    ID_MISMATCH("file name and id differ"),
    /** the file could not be read (permissions, vanished, I/O error) */
    UNREADABLE("unreadable"),
    /** a symbolic link: not followed, so nothing is read through it */
    SYMLINK("symbolic link, not followed"),
    /** bigger than {@link GoBatchReader#MAX_FILE_BYTES}: not read */
    TOO_LARGE("too large");

    private final String label;

    BatchFileProblem(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
