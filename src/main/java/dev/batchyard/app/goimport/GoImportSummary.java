package dev.batchyard.app.goimport;

import java.util.List;

/**
 * What one import did, in the operator's words: the counts and, per skipped file, its name, the
 * reason and the detail (offset, key or id) — the same as {@code batchyard import-go} prints.
 */
public record GoImportSummary(int imported, int skipped, String headline, List<String> skippedFiles) {
    public GoImportSummary {
        skippedFiles = List.copyOf(skippedFiles);
    }
}
