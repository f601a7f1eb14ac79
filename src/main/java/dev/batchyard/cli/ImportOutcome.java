package dev.batchyard.cli;

import java.nio.file.Path;

/**
 * What import-go did with one file: imported (or would be, in a dry run), or skipped for a reason
 * ({@code skip} is a message key; {@code detail} names the offset, key or id). {@code unkept}
 * names what of an imported file the store does not keep, or is empty.
 */
record ImportOutcome(Path file, String skip, String detail, String unkept) {

    static ImportOutcome imported(Path file, String unkept) {
        return new ImportOutcome(file, null, "", unkept);
    }

    static ImportOutcome skipped(Path file, String skip, String detail) {
        return new ImportOutcome(file, skip, detail == null ? "" : detail, "");
    }

    boolean isImported() {
        return skip == null;
    }
}
