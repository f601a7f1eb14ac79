package dev.batchyard.legacy.dlq;

/**
 * Receives what a scan of dead-letter files finds, in file order and line order, as it finds it,
 * so a directory of any size is read in bounded memory. Called on the scanning thread.
 */
public interface DlqVisitor {
    /** A line that is an entry. */
    void letter(DeadLetter letter);

    /** A line that is not taken in. */
    void damaged(DamagedLine line);

    /** A file that was not read, or not to its end (the lines before the problem were visited). */
    void refused(RefusedFile file);
}
