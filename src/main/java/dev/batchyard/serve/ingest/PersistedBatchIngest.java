package dev.batchyard.serve.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.batchyard.codec.gojson.GoJson;
import dev.batchyard.codec.gojson.JsonShapeException;
import dev.batchyard.engine.BatchIds;
import dev.batchyard.engine.BatchView;
import dev.batchyard.legacy.GoBatchFile;
import dev.batchyard.legacy.GoBatchFormat;
import dev.batchyard.legacy.GoToEngine;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /api/v1/batches}: one batch in the Go agent's {@code PersistedBatch} JSON (what its
 * {@code batch_<id>.json} files hold), stored as {@code import-go} stores a file: its id, sink,
 * times, retry count, failure reason, context and every entry field, losslessly. Thread-safe.
 */
public final class PersistedBatchIngest {
    private final GoBatchFormat format = new GoBatchFormat(new GoJson());

    /**
     * Stores {@code body} through {@code target} (the caller's console); the future completes once it
     * is durable.
     *
     * @throws MalformedBodyException when the body is not such a batch, or its id or sink is unusable
     */
    public CompletableFuture<BatchView> persist(IngestTarget target, byte[] body) {
        GoBatchFile file;
        try {
            file = format.read(body);
        } catch (JsonShapeException e) {
            throw new MalformedBodyException("not a PersistedBatch: " + e.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new MalformedBodyException("not valid JSON: " + e.getOriginalMessage().replace('\n', ' ')
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")"), e);
        } catch (IOException e) {
            throw new MalformedBodyException("cannot read the body: " + e.getMessage(), e);
        }
        String idProblem = BatchIds.problem(file.id());
        if (idProblem != null) {
            throw new MalformedBodyException("id: " + idProblem);
        }
        if (file.sinkType().isBlank()) {
            throw new MalformedBodyException("sink_type: is empty; name the sink the batch is for");
        }
        try {
            return target.persist(GoToEngine.toNewBatch(file));
        } catch (IllegalArgumentException e) {
            throw new MalformedBodyException(e.getMessage(), e); // retry_count out of range
        }
    }
}
