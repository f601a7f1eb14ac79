package dev.batchyard.app.actions;

import dev.batchyard.console.ActionPreview;
import dev.batchyard.console.Console;
import dev.batchyard.engine.ActionResult;
import dev.batchyard.engine.Batch;
import dev.batchyard.engine.CleanupReport;
import java.util.List;
import java.util.Optional;

/** The operator actions, as the actions view model uses them, on behalf of the console's actor. */
public interface BatchOperations {

    List<ActionResult> retryNow(List<String> ids);

    List<ActionResult> discard(List<String> ids, String reason);

    List<ActionResult> reroute(List<String> ids, String sink);

    /** What an action on {@code ids} would touch, changing nothing (the dry run the confirmation shows). */
    ActionPreview preview(List<String> ids);

    /** Takes back discards made within {@code discard_grace}. */
    List<ActionResult> restore(List<String> ids);

    Optional<Batch> batch(String id);

    void setRecoveryPaused(boolean paused);

    boolean isRecoveryPaused();

    CleanupReport runCleanupNow();

    static BatchOperations of(Console console) {
        return new BatchOperations() {
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
