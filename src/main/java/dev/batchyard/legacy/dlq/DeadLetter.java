package dev.batchyard.legacy.dlq;

import dev.batchyard.model.EntryFailure;
import dev.batchyard.model.LogEntry;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One line of a Go dead-letter file that is an entry: the agent's {@code original_entry} and why it
 * failed, and where the line is.
 *
 * @param line  the line number in {@code file}, from 1
 * @param bytes the line's length without its newline (what it weighs in a batch)
 */
public record DeadLetter(Path file, long line, LogEntry entry, EntryFailure failure, int bytes) implements DlqLine {
    public DeadLetter {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(failure, "failure");
    }

    /** The agent's key for the entry: unique per entry, the same on every read. */
    public String entryId() {
        return failure.entryId();
    }

    /** {@code dlq_20261201_174012.log:3}: where the line is, for a report. */
    public String place() {
        return file.getFileName() + ":" + line;
    }
}
