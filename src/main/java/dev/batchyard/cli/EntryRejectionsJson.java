package dev.batchyard.cli;

import dev.batchyard.engine.Batch;
import dev.batchyard.engine.Rejections;
import dev.batchyard.legacy.GoBatchFile;
import dev.batchyard.model.Attempt;
import dev.batchyard.model.EntryRejection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code show --json}'s {@code entry_rejections}: the entries the sink refused in the batch's latest
 * attempt that named any ({@link Rejections#latest}), after the Go batch's own keys, as
 * {@code {"sink": ..., "at": ..., "entry_count": 100, "entries": [{"entry_index": 3, "reason": ...}]}}.
 * No key when no attempt named any.
 */
final class EntryRejectionsJson {
    static final String KEY = "entry_rejections";

    private EntryRejectionsJson() {
    }

    static GoBatchFile addTo(GoBatchFile file, Batch batch) {
        Optional<Attempt> latest = Rejections.latest(batch.meta().attempts());
        if (latest.isEmpty()) {
            return file;
        }
        Map<String, Object> unknown = new LinkedHashMap<>(file.unknown() == null ? Map.of() : file.unknown());
        unknown.put(KEY, of(latest.get(), batch.entries().size()));
        return new GoBatchFile(file.id(), file.entries(), file.sinkType(), file.createdAt(), file.lastAttempt(),
                file.retryCount(), file.failureReason(), file.context(), unknown, file.forms());
    }

    private static Map<String, Object> of(Attempt attempt, int entryCount) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sink", attempt.sink());
        out.put("at", attempt.at().toString());
        out.put("entry_count", (long) entryCount);
        List<Object> entries = new ArrayList<>();
        for (EntryRejection r : attempt.rejections()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("entry_index", (long) r.index());
            one.put("reason", r.reason());
            entries.add(one);
        }
        out.put("entries", entries);
        return out;
    }
}
