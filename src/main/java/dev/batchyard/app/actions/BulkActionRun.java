package dev.batchyard.app.actions;

import dev.batchyard.app.common.Messages;
import dev.batchyard.app.detail.BatchJson;
import dev.batchyard.engine.ActionResult;
import dev.batchyard.engine.Batch;
import dev.batchyard.i18n.EngineTexts;
import dev.batchyard.legacy.ExportFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;

/**
 * One bulk action, run in the background in chunks, so that between them it reports progress and
 * honours a cancel: the engine answers a call only once its changes are durable (a discard, reroute
 * or requeue of a chunk in a group commit or two; a retry writes nothing). Each id gets the
 * engine's own per-id answer; refusals are counted by their text in the operator's language.
 */
final class BulkActionRun implements Callable<ActionSummary> {
    static final int CHUNK = 50;

    private final BatchOperations ops;
    private final BatchJson json;
    private final BulkAction action;
    private final ActionTarget target;
    private final AtomicBoolean cancelled;
    private final IntConsumer progress;
    private final Messages messages;
    private final EngineTexts engineTexts;

    BulkActionRun(BatchOperations ops, BatchJson json, BulkAction action, ActionTarget target,
                  AtomicBoolean cancelled, IntConsumer progress, Messages messages) {
        this.messages = messages;
        this.engineTexts = messages.engineTexts();
        this.ops = ops;
        this.json = json;
        this.action = action;
        this.target = target;
        this.cancelled = cancelled;
        this.progress = progress;
    }

    @Override
    public ActionSummary call() {
        List<String> ids = target.ids();
        Map<String, Integer> refused = new LinkedHashMap<>();
        int done = 0;
        int tried = 0;
        List<String> doneIds = new ArrayList<>();
        while (tried < ids.size() && !cancelled.get()) {
            List<String> chunk = ids.subList(tried, Math.min(ids.size(), tried + CHUNK));
            for (ActionResult result : apply(chunk, refused)) {
                if (result.ok()) {
                    done++;
                    doneIds.add(result.id());
                } else {
                    // grouped by the words the operator reads, so two reasons worded alike are one line
                    refused.merge(engineTexts.reason(result), 1, Integer::sum);
                }
            }
            tried += chunk.size();
            progress.accept(tried);
        }
        return new ActionSummary(action, ids.size(), done, refused, ids.size() - tried, tried < ids.size(),
                doneIds);
    }

    private List<ActionResult> apply(List<String> chunk, Map<String, Integer> refused) {
        if (action instanceof BulkAction.Retry) {
            return ops.retryNow(chunk);
        } else if (action instanceof BulkAction.Reroute reroute) {
            return ops.reroute(chunk, reroute.sink());
        } else if (action instanceof BulkAction.Requeue requeue) {
            return ops.requeue(chunk, requeue.sink());
        }
        BulkAction.Discard discard = (BulkAction.Discard) action;
        List<String> keep = new ArrayList<>(chunk);
        if (discard.exportDirectory().isPresent()) {
            keep = exportEach(chunk, discard.exportDirectory().get(), refused);
        }
        return keep.isEmpty() ? List.of() : ops.discard(keep, discard.reason());
    }

    /** Writes each batch's file; answers the ids safely exported (only those are discarded). */
    private List<String> exportEach(List<String> chunk, Path dir, Map<String, Integer> refused) {
        List<String> exported = new ArrayList<>();
        for (String id : chunk) {
            Optional<Batch> batch = ops.batch(id);
            if (batch.isEmpty()) {
                refused.merge(engineTexts.reason(ActionResult.of(id, ActionResult.Reason.NO_SUCH_BATCH)), 1, Integer::sum);
                continue;
            }
            Path file = dir.resolve(BatchJson.fileName(id));
            try {
                // whole, fsync'd and owner-only before the batch is discarded; never over a file already there
                ExportFile.write(file, json.write(batch.get()).getBytes(StandardCharsets.UTF_8), false);
                exported.add(id);
            } catch (FileAlreadyExistsException e) {
                refused.merge(messages.format("action.refused.exportFailed", dir, file.getFileName() + " exists already"),
                        1, Integer::sum);
            } catch (IOException | RuntimeException e) {
                refused.merge(messages.format("action.refused.exportFailed", dir, e.getMessage()), 1, Integer::sum);
            }
        }
        return exported;
    }
}
