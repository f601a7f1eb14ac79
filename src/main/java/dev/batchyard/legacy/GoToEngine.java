package dev.batchyard.legacy;

import dev.batchyard.engine.NewBatch;
import dev.batchyard.codec.gojson.GoJson;
import dev.batchyard.codec.gojson.GoTime;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * From the Go agent's {@code PersistedBatch} to the engine's {@link NewBatch}. The engine keeps
 * every field Go has; what it does not model — a file's batch-level unknown keys and non-Go
 * spellings — travels as the engine's opaque {@code legacyExtras}: the file's batch-level JSON
 * without its entries, written by the legacy format itself so nothing is lost in between.
 */
public final class GoToEngine {
    private static final GoBatchFormat FORMAT = new GoBatchFormat(new GoJson());

    private GoToEngine() {
    }

    public static NewBatch toNewBatch(GoBatchFile file) {
        if (file.retryCount() < 0 || file.retryCount() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("retry_count " + file.retryCount() + " is out of range");
        }
        boolean attempted = file.lastAttempt() != null && !file.lastAttempt().isEqual(GoTime.ZERO);
        return new NewBatch(file.id(), file.entries(), file.sinkType(), file.createdAt(),
                attempted ? file.lastAttempt() : null, (int) file.retryCount(), file.failureReason(), file.context(),
                extras(file));
    }

    /** What of {@code file} goes beyond Go's own shape (kept as extras); empty if nothing. */
    public static String unkept(GoBatchFile file) {
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
}
