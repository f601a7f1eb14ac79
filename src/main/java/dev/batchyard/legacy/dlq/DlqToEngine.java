package dev.batchyard.legacy.dlq;

import dev.batchyard.engine.NewBatch;
import dev.batchyard.model.EntryFailure;
import dev.batchyard.model.LogEntry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * From dead letters to the engine's {@link NewBatch}: the entries as they were, each with its own
 * failure ({@link NewBatch#failures()}, by index), so the store keeps every field of every line and
 * an export gives the lines back. The batch goes to the failed sink, never attempted by Batchyard
 * (the agent's retry counts stay with each entry's failure), with its first entry's error as its
 * reason. It is created now, at the import, not when the agent dead-lettered its entries (each
 * entry's failure keeps that time): the agent keeps dead letters for days ({@code retention_days},
 * 7 by default), and a batch dated then would be past {@code batch_ttl} and removed by the next
 * cleanup pass.
 */
public final class DlqToEngine {
    /** The batch's {@code context}, as the agent's batch files say {@code batch_persistence}. */
    public static final Map<String, String> CONTEXT = Map.of("created_by", "dlq");

    private DlqToEngine() {
    }

    public static NewBatch toNewBatch(DlqBatch batch) {
        List<LogEntry> entries = new ArrayList<>(batch.letters().size());
        Map<Integer, EntryFailure> failures = new TreeMap<>();
        for (DeadLetter letter : batch.letters()) {
            failures.put(entries.size(), letter.failure());
            entries.add(letter.entry());
        }
        return new NewBatch(batch.id(), entries, batch.sink(), null, null, 0, reason(batch), CONTEXT, "",
                new TreeMap<>(failures));
    }

    /** {@code send_error: loki push failed ...}, and how many other errors the batch's entries had. */
    static String reason(DlqBatch batch) {
        Set<String> errors = new LinkedHashSet<>();
        for (DeadLetter letter : batch.letters()) {
            EntryFailure f = letter.failure();
            errors.add(f.errorType().isEmpty() ? f.message() : f.errorType() + ": " + f.message());
        }
        String first = errors.iterator().next();
        int others = errors.size() - 1;
        return others == 0 ? first : first + " (and " + others + " other error" + (others == 1 ? "" : "s") + ")";
    }
}
