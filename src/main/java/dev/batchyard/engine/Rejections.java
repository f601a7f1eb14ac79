package dev.batchyard.engine;

import dev.batchyard.model.Attempt;
import dev.batchyard.model.EntryRejection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a batch's per-entry rejections come to, in one line and for the latest attempt. */
public final class Rejections {
    private Rejections() {
    }

    /**
     * "3 of 100 entries rejected: " and the most common reason among them (the first entry's, on a
     * tie), so the batch's failure reason says how much of it is poison and what the poison is.
     */
    public static String summary(List<EntryRejection> rejections, int entryCount) {
        if (rejections.isEmpty()) {
            return "";
        }
        Map<String, Integer> counts = new HashMap<>();
        String common = rejections.get(0).reason();
        for (EntryRejection r : rejections) {
            int n = counts.merge(r.reason(), 1, Integer::sum);
            if (n > counts.get(common)) {
                common = r.reason();
            }
        }
        String entries = entryCount == 1 ? " entry" : " entries";
        return rejections.size() + " of " + entryCount + entries + " rejected: " + common;
    }

    /**
     * The rejections of the batch's latest attempt that made any: what the sink says is wrong with
     * its entries now (an attempt that failed as a whole, a timeout, says nothing about them). A split
     * batch's history has them moved to its own indexes.
     */
    public static Optional<Attempt> latest(List<Attempt> attempts) {
        for (int i = attempts.size() - 1; i >= 0; i--) {
            Attempt a = attempts.get(i);
            if (!a.rejections().isEmpty()) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
