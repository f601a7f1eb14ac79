package dev.batchyard.app.actions;

import dev.batchyard.engine.ActionResult;
import dev.batchyard.engine.Batch;
import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.engine.CleanupReport;
import dev.batchyard.model.Actor;
import java.util.List;
import java.util.Optional;

/** The engine's operator actions, as the actions view model uses them, on behalf of one actor. */
public interface BatchOperations {

    List<ActionResult> retryNow(List<String> ids);

    List<ActionResult> discard(List<String> ids, String reason);

    List<ActionResult> reroute(List<String> ids, String sink);

    Optional<Batch> batch(String id);

    void setRecoveryPaused(boolean paused);

    boolean isRecoveryPaused();

    CleanupReport runCleanupNow();

    static BatchOperations of(BatchPersistence engine, Actor actor) {
        return new BatchOperations() {
            @Override
            public List<ActionResult> retryNow(List<String> ids) {
                return engine.retryNow(ids, actor);
            }

            @Override
            public List<ActionResult> discard(List<String> ids, String reason) {
                return engine.discard(ids, reason, actor);
            }

            @Override
            public List<ActionResult> reroute(List<String> ids, String sink) {
                return engine.reroute(ids, sink, actor);
            }

            @Override
            public Optional<Batch> batch(String id) {
                return engine.batch(id);
            }

            @Override
            public void setRecoveryPaused(boolean paused) {
                if (paused) {
                    engine.pauseRecovery(actor);
                } else {
                    engine.resumeRecovery(actor);
                }
            }

            @Override
            public boolean isRecoveryPaused() {
                return engine.isRecoveryPaused();
            }

            @Override
            public CleanupReport runCleanupNow() {
                return engine.runCleanupNow();
            }
        };
    }
}
