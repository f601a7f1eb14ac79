package dev.batchyard.app.actions;

import dev.batchyard.app.common.Messages;
import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.engine.EditRequest;
import dev.batchyard.engine.EditResult;
import dev.batchyard.engine.MergeRequest;
import dev.batchyard.engine.RepairResult;
import dev.batchyard.engine.SplitRequest;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Set label, split and merge on the batches the operator selected: each one durable change through the
 * console, run off the UI thread, what it did (or why it was refused) said in the actions' feedback strip.
 * The table reads its rows again from the events these changes publish. UI thread only.
 */
final class SelectionRepairs {
    private final BatchOperations ops;
    private final TaskExecutor executor;
    private final Messages messages;
    private final ActionsViewModel feedback;

    SelectionRepairs(BatchOperations ops, TaskExecutor executor, Messages messages, ActionsViewModel feedback) {
        this.ops = ops;
        this.executor = executor;
        this.messages = messages;
        this.feedback = feedback;
    }

    /** Sets (or, with a null value, removes) {@code key} on every entry of {@code ids}. */
    void setLabel(List<String> ids, String key, String value) {
        run(() -> ops.edit(new EditRequest.SetLabel(ids, key, value)), (EditResult r) -> messages.format(
                "action.label.done", r.batches().size(), r.batches().stream().map(EditResult.Edited::previousVersion)
                        .collect(Collectors.joining(", "))));
    }

    void split(SplitRequest request) {
        run(() -> ops.split(request), this::made);
    }

    void merge(List<String> ids) {
        run(() -> ops.merge(MergeRequest.of(ids)), this::made);
    }

    private String made(RepairResult r) {
        return messages.format("action.repair.done", String.join(", ", r.removed()),
                r.made().stream().map(p -> messages.format("detail.split.part", p.id(), p.entryCount()))
                        .collect(Collectors.joining(", ")));
    }

    private <T> void run(Supplier<T> change, java.util.function.Function<T, String> said) {
        executor.submit(change::get, result -> feedback.tell(said.apply(result)), failure -> feedback.tell(
                messages.format("action.repair.refused", messages.engineTexts().failure(failure).oneLine())));
    }
}
