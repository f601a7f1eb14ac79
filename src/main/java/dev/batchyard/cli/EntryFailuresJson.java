package dev.batchyard.cli;

import com.fasterxml.jackson.core.JsonParser;
import dev.batchyard.codec.gojson.GoFailureCodec;
import dev.batchyard.codec.gojson.GoJson;
import dev.batchyard.codec.gojson.GoValueReader;
import dev.batchyard.engine.Batch;
import dev.batchyard.legacy.GoBatchFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code show --json}'s {@code entry_failures}: why single entries of the batch failed, after the
 * Go batch's own keys (the agent ignores keys it does not know), one object per failed entry:
 * {@code {"entry_index": 0, "timestamp": ..., "error_message": ..., "error_type": ...,
 * "failed_sink": ..., ..., "entry_id": ...}}, the dead-letter line's fields without
 * {@code original_entry}, in the same JSON ({@link GoFailureCodec}). No key when no entry has one.
 */
final class EntryFailuresJson {
    static final String KEY = "entry_failures";
    private static final GoJson JSON = new GoJson();

    private EntryFailuresJson() {
    }

    static GoBatchFile addTo(GoBatchFile file, Batch batch) {
        if (batch.failures().isEmpty()) {
            return file;
        }
        Map<String, Object> unknown = new LinkedHashMap<>(file.unknown() == null ? Map.of() : file.unknown());
        unknown.put(KEY, failures(batch));
        return new GoBatchFile(file.id(), file.entries(), file.sinkType(), file.createdAt(), file.lastAttempt(),
                file.retryCount(), file.failureReason(), file.context(), unknown, file.forms());
    }

    private static List<Object> failures(Batch batch) {
        byte[] pairs = new GoFailureCodec(JSON).encode(batch.failures());
        try (JsonParser p = JSON.parser(pairs)) {
            p.nextToken();
            List<Object> out = new ArrayList<>();
            for (Object pair : (List<?>) GoValueReader.read(p, false)) {
                List<?> indexAndFailure = (List<?>) pair;
                Map<String, Object> failure = new LinkedHashMap<>();
                failure.put("entry_index", indexAndFailure.get(0));
                ((Map<?, ?>) indexAndFailure.get(1)).forEach((k, v) -> failure.put((String) k, v));
                out.add(failure);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("the failures of batch " + batch.id() + " do not read back", e);
        }
    }
}
