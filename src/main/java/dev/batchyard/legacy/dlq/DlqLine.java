package dev.batchyard.legacy.dlq;

import java.nio.file.Path;

/** What one line of a Go dead-letter file is: an entry ({@link DeadLetter}) or not ({@link DamagedLine}). */
public sealed interface DlqLine permits DeadLetter, DamagedLine {
    Path file();

    /** The line number in {@link #file()}, from 1. */
    long line();
}
