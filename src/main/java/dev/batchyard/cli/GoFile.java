package dev.batchyard.cli;

import java.nio.file.Path;

/**
 * One {@code batch_*.json} of a Go agent directory, read: either a batch, or why it cannot be
 * imported ({@code skip} is a message key, {@code detail} names the offset or key).
 */
record GoFile(Path file, GoBatch batch, String skip, String detail) {

    static GoFile read(Path file, GoBatch batch) {
        return new GoFile(file, batch, null, "");
    }

    static GoFile skipped(Path file, String skip, String detail) {
        return new GoFile(file, null, skip, detail == null ? "" : detail);
    }

    boolean readable() {
        return batch != null;
    }
}
