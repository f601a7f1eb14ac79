package dev.batchyard.cli;

import dev.batchyard.engine.Batch;
import dev.batchyard.engine.BatchView;
import dev.batchyard.legacy.GoBatchFile;
import dev.batchyard.legacy.GoBatchFormat;
import dev.batchyard.codec.gojson.GoJson;
import dev.batchyard.codec.gojson.GoTime;
import dev.batchyard.model.KeyForms;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * From the engine's batches back to the Go agent's {@code PersistedBatch} (the way in is
 * {@code legacy.GoToEngine}). The engine keeps every
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

    private static GoBatchFile readExtras(String extras) {
        try {
            return FORMAT.read(extras.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("stored Go extras do not read back: " + e.getMessage(), e);
        }
    }
}
