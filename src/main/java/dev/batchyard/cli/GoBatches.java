package dev.batchyard.cli;

import dev.batchyard.engine.Batch;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.NewBatch;
import dev.batchyard.legacy.GoBatchFile;
import dev.batchyard.legacy.GoBatchFormat;
import dev.batchyard.model.GoJson;
import dev.batchyard.model.GoTime;
import dev.batchyard.model.KeyForms;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Between the Go agent's {@code PersistedBatch} and the engine's batches. The engine keeps every
 * field Go has (times with offset and nanoseconds, the context map, every entry field). What it
 * does not model — a file's batch-level unknown keys and non-Go spellings — travels as the
 * engine's opaque {@code legacyExtras}: the file's batch-level JSON without its entries, written by
 * the legacy format itself so nothing is lost in between. On export the unknown keys always come
 * back; the spellings come back only while the batch is as it was imported (a retried or rerouted
 * batch is written in Go's own spelling of its new values).
 */
final class GoBatches {
    private static final GoBatchFormat FORMAT = new GoBatchFormat(new GoJson());

    private GoBatches() {
    }

    static NewBatch toNewBatch(GoBatchFile file) {
        if (file.retryCount() < 0 || file.retryCount() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("retry_count " + file.retryCount() + " is out of range");
        }
        boolean attempted = file.lastAttempt() != null && !file.lastAttempt().isEqual(GoTime.ZERO);
        return new NewBatch(file.id(), file.entries(), file.sinkType(), file.createdAt(),
                attempted ? file.lastAttempt() : null, (int) file.retryCount(), file.failureReason(), file.context(),
                extras(file));
    }

    static GoBatchFile toGoFile(Batch batch) {
        BatchView m = batch.meta();
        GoBatchFile current = new GoBatchFile(m.id(), batch.entries(), m.sink(), m.createdAt(),
                m.lastAttempt() == null ? GoTime.ZERO : m.lastAttempt(), m.retryCount(), m.failureReason(),
                m.context(), null, KeyForms.NONE);
        if (batch.legacyExtras().isEmpty()) {
            return current;
        }
        GoBatchFile imported = readExtras(batch.legacyExtras());
        boolean untouched = imported.sinkType().equals(current.sinkType()) && imported.retryCount() == current.retryCount()
                && imported.failureReason().equals(current.failureReason())
                && imported.lastAttempt().isEqual(current.lastAttempt());
        return new GoBatchFile(current.id(), current.entries(), current.sinkType(), current.createdAt(),
                untouched ? imported.lastAttempt() : current.lastAttempt(), current.retryCount(), current.failureReason(),
                current.context(), imported.unknown(), untouched ? imported.forms() : KeyForms.NONE);
    }

    /** What of {@code file} goes beyond Go's own shape (kept as extras); empty if nothing. */
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

    private static String extras(GoBatchFile file) {
        if ((file.unknown() == null || file.unknown().isEmpty()) && file.forms().isEmpty()) {
            return "";
        }
        GoBatchFile header = new GoBatchFile(file.id(), List.of(), file.sinkType(), file.createdAt(), file.lastAttempt(),
                file.retryCount(), file.failureReason(), file.context(), file.unknown(), file.forms());
        return new String(FORMAT.write(header), StandardCharsets.UTF_8);
    }

    private static GoBatchFile readExtras(String extras) {
        try {
            return FORMAT.read(extras.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("stored Go extras do not read back: " + e.getMessage(), e);
        }
    }
}
