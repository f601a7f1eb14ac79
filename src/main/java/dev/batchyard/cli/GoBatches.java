package dev.batchyard.cli;

import dev.batchyard.engine.Batch;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.NewBatch;
import dev.batchyard.legacy.GoBatchFile;
import dev.batchyard.model.GoTime;
import dev.batchyard.model.KeyForms;

/**
 * Between the Go agent's {@code PersistedBatch} and the engine's batches. The engine keeps every
 * field Go has (times with offset and nanoseconds, the context map, every entry field); what it
 * has no place for yet is a file's batch-level unknown keys and non-Go spellings, which
 * {@link #unkept} names so an import can say so.
 */
final class GoBatches {
    private GoBatches() {
    }

    static NewBatch toNewBatch(GoBatchFile file) {
        if (file.retryCount() < 0 || file.retryCount() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("retry_count " + file.retryCount() + " is out of range");
        }
        boolean attempted = file.lastAttempt() != null && !file.lastAttempt().isEqual(GoTime.ZERO);
        return new NewBatch(file.id(), file.entries(), file.sinkType(), file.createdAt(),
                attempted ? file.lastAttempt() : null, (int) file.retryCount(), file.failureReason(), file.context());
    }

    static GoBatchFile toGoFile(Batch batch) {
        BatchView m = batch.meta();
        return new GoBatchFile(m.id(), batch.entries(), m.sink(), m.createdAt(),
                m.lastAttempt() == null ? GoTime.ZERO : m.lastAttempt(), m.retryCount(), m.failureReason(),
                m.context(), null, KeyForms.NONE);
    }

    /** What of {@code file} the store does not keep: batch-level unknown keys and spellings; empty if nothing. */
    static String unkept(GoBatchFile file) {
        StringBuilder out = new StringBuilder();
        if (file.unknown() != null && !file.unknown().isEmpty()) {
            out.append("keys ").append(file.unknown().keySet());
        }
        if (!file.forms().isEmpty()) {
            out.append(out.length() == 0 ? "" : ", ").append("spellings of ").append(file.forms().byKey().keySet());
        }
        return out.toString();
    }
}
