package dev.batchyard.app.batches;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a failure reason into the shape shared by its siblings, so batches that failed the same
 * way group together: URLs, network addresses, UUIDs, long hex ids and numbers are masked
 * ({@code <url>}, {@code <addr>}, {@code <id>}, {@code <n>}). Remembers what it has seen, because a
 * backlog repeats the same few reasons many thousand times. Not thread-safe.
 */
public final class FailureReasonNormaliser {
    /** Masks in order: the wider shapes first, so an address's digits are not masked as numbers. */
    private static final Pattern[] PATTERNS = {
        Pattern.compile("\\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\\s\"']+"),
        Pattern.compile("\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b"),
        Pattern.compile("\\[[0-9a-fA-F:.]+](?::\\d+)?"),
        Pattern.compile("\\b(?:\\d{1,3}\\.){3}\\d{1,3}(?::\\d+)?\\b"),
        Pattern.compile("\\b[a-zA-Z][a-zA-Z0-9-]*(?:\\.[a-zA-Z0-9-]+)*:\\d{2,5}\\b"),
        Pattern.compile("\\b(?=[0-9a-fA-F]*\\d)(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{8,}\\b"),
        Pattern.compile("(?<![\\w.<])\\d+(?:\\.\\d+)?"),
    };
    private static final String[] MASKS = {"<url>", "<id>", "<addr>", "<addr>", "<addr>", "<id>", "<n>"};
    private static final int CACHE_LIMIT = 10_000;

    private final Map<String, String> seen = new HashMap<>();

    public String normalise(String reason) {
        String known = seen.get(reason);
        if (known != null) {
            return known;
        }
        String shape = mask(reason);
        if (seen.size() >= CACHE_LIMIT) {
            seen.clear();
        }
        seen.put(reason, shape);
        return shape;
    }

    private static String mask(String reason) {
        String out = reason.strip();
        for (int i = 0; i < PATTERNS.length; i++) {
            out = PATTERNS[i].matcher(out).replaceAll(MASKS[i]);
        }
        return out.replaceAll("\\s+", " ");
    }
}
