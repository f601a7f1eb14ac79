package dev.batchyard.legacy;

import java.nio.file.Path;

/**
 * What importing one Go batch file did: imported (or would be, in a dry run), or skipped for a
 * reason. {@code skip} is a stable code — a {@link BatchFileProblem} name ({@code EMPTY},
 * {@code CUT_SHORT}, ...) or {@code present}, {@code badId}, {@code storeFull}, {@code refused} —
 * that the CLI and the app turn into their own words; {@code detail} names the offset, key or id.
 * {@code unkept} names what of an imported file the store does not model (kept as extras), or is empty.
 */
public record GoImportOutcome(Path file, String skip, String detail, String unkept) {

    public static GoImportOutcome imported(Path file, String unkept) {
        return new GoImportOutcome(file, null, "", unkept);
    }

    public static GoImportOutcome skipped(Path file, String skip, String detail) {
        return new GoImportOutcome(file, skip, detail == null ? "" : detail, "");
    }

    public boolean isImported() {
        return skip == null;
    }
}
