package dev.batchyard.engine;

import java.time.Duration;
import java.util.List;

/** What one cleanup pass removed. */
public record CleanupReport(List<String> expiredIds, Duration took) {
    public CleanupReport {
        expiredIds = List.copyOf(expiredIds);
    }
}
