package dev.batchyard.app.actions;

import dev.batchyard.console.ActionPreview;
import dev.batchyard.console.Console;
import dev.batchyard.engine.ActionResult;
import dev.batchyard.engine.Batch;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.CleanupReport;
import dev.batchyard.engine.EditRequest;
import dev.batchyard.engine.EditResult;
import dev.batchyard.engine.MergeRequest;
import dev.batchyard.engine.RepairResult;
import dev.batchyard.engine.SplitRequest;
import dev.batchyard.engine.ReplayControl;
import dev.batchyard.engine.ReplayRequest;
import dev.batchyard.engine.ReplayStatus;
import java.util.List;
import java.util.Optional;

/** The operator actions, as the actions view model uses them, on behalf of the console's actor. */
public interface BatchOperations {

    List<ActionResult> retryNow(List<String> ids);

    List<ActionResult> discard(List<String> ids, String reason);

    List<ActionResult> reroute(List<String> ids, String sink);

    /** Dead batches due again with a fresh retry budget, at their own sink ({@code sink} null) or {@code sink}. */
    List<ActionResult> requeue(List<String> ids, String sink);

    /** Those of {@code ids} the loop guard flags (requeued or rerouted past {@code requeue_loop_limit}). */
    List<BatchView> looped(List<String> ids);

    /** Starts the store's throttled replay; refused while another runs or is paused. */
    ReplayStatus startReplay(ReplayRequest request);

    /** The store's replay, running, paused or the last one; empty when there never was one. */
    Optional<ReplayStatus> replay();

    /** Pauses, resumes or cancels the store's replay. */
    ReplayStatus controlReplay(ReplayControl control);

    /** What an action on {@code ids} would touch, changing nothing (the dry run the confirmation shows). */
    ActionPreview preview(List<String> ids);

    /** Takes back discards made within {@code discard_grace}. */
    List<ActionResult> restore(List<String> ids);

    Optional<Batch> batch(String id);

    void setRecoveryPaused(boolean paused);

    boolean isRecoveryPaused();

    CleanupReport runCleanupNow();

    /** Edits batches in one durable change; the versions replaced are kept, restorable. */
    EditResult edit(EditRequest request);

    /** Splits one batch in one durable change. */
    RepairResult split(SplitRequest request);

    /** Merges batches of one sink in one durable change. */
    RepairResult merge(MergeRequest request);

    static BatchOperations of(Console console) {
        return new BatchOperations() {
            @Override
            public EditResult edit(EditRequest request) {
                return console.edit(request);
            }

            @Override
            public RepairResult split(SplitRequest request) {
                return console.split(request);
            }

            @Override
            public RepairResult merge(MergeRequest request) {
                return console.merge(request);
            }

            @Override
            public List<ActionResult> retryNow(List<String> ids) {
                return console.retryNow(ids);
            }

            @Override
            public List<ActionResult> discard(List<String> ids, String reason) {
                return console.discard(ids, reason);
            }

            @Override
            public List<ActionResult> reroute(List<String> ids, String sink) {
                return console.reroute(ids, sink);
            }

            @Override
            public List<ActionResult> requeue(List<String> ids, String sink) {
                return console.requeue(ids, sink);
            }

            @Override
            public List<BatchView> looped(List<String> ids) {
                return console.find(ids).stream().filter(BatchView::looped).toList();
            }

            @Override
            public ReplayStatus startReplay(ReplayRequest request) {
                return console.startReplay(request);
            }

            @Override
            public Optional<ReplayStatus> replay() {
                return console.replay();
            }

            @Override
            public ReplayStatus controlReplay(ReplayControl control) {
                return console.controlReplay(control);
            }

            @Override
            public ActionPreview preview(List<String> ids) {
                return console.preview(ids);
            }

            @Override
            public List<ActionResult> restore(List<String> ids) {
                return console.restore(ids);
            }

            @Override
            public Optional<Batch> batch(String id) {
                return console.batch(id);
            }

            @Override
            public void setRecoveryPaused(boolean paused) {
                console.setRecoveryPaused(paused);
            }

            @Override
            public boolean isRecoveryPaused() {
                return console.stats().recoveryPaused();
            }

            @Override
            public CleanupReport runCleanupNow() {
                return console.runCleanupNow();
            }
        };
    }
}
