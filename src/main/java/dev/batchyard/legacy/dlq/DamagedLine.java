package dev.batchyard.legacy.dlq;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A line of a Go dead-letter file that was not taken in, and why.
 *
 * @param line   the line number in {@code file}, from 1
 * @param detail what exactly is wrong, with the column or JSON pointer where known
 */
public record DamagedLine(Path file, long line, LineProblem problem, String detail) implements DlqLine {
    public DamagedLine {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(problem, "problem");
        detail = detail == null ? "" : detail;
    }

    /** One line for a log or a report: {@code dlq_20261201_174012.log:7: cut short: ...}. */
    public String describe() {
        return file.getFileName() + ":" + line + ": " + problem.label() + (detail.isEmpty() ? "" : ": " + detail);
    }
}
