package dev.batchyard.legacy.dlq;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A dead-letter file that was not read, or not to its end.
 *
 * @param detail what exactly: the link's target, the size, the I/O error and the last line read
 */
public record RefusedFile(Path file, Problem problem, String detail) {
    public RefusedFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(problem, "problem");
        detail = detail == null ? "" : detail;
    }

    public enum Problem {
        /** a symbolic link: not followed, so nothing is read through it */
        SYMLINK("symbolic link, not followed"),
        /** over the reader's file size limit: not read */
        TOO_LARGE("too large"),
        /** not a regular file, or it could not be read (permissions, vanished, I/O error) */
        UNREADABLE("unreadable");

        private final String label;

        Problem(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public String describe() {
        return file + ": " + problem.label() + (detail.isEmpty() ? "" : ": " + detail);
    }
}
