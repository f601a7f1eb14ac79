package dev.batchyard.app.actions;

import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.Messages;
import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.app.detail.BatchJson;
import dev.batchyard.engine.CleanupReport;
import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.console.ActionPreview;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.ReplayStatus;
import java.util.List;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operator actions: retry, discard and reroute on an {@link ActionTarget} fixed at confirmation,
 * with progress, cancel and a summary; pause/resume recovery and cleanup now. One bulk action runs
 * at a time. Read-only stores refuse them all here, before the engine would; so does a window
 * whose remote server is away ({@link #setConnected}), saying so. UI thread only.
 */
public final class ActionsViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ActionsViewModel.class);
    private final BatchOperations ops;
    private final BatchJson json;
    private final TaskExecutor executor;
    private final Messages messages;
    private final ActionTexts texts;
    /** Whether the store itself refuses changes (a read-only open, a viewer's token), whatever the window says. */
    private final boolean storeReadOnly;
    /** The window's lock on changes (a prod connection until its operator unlocks it). */
    private final BooleanProperty locked = new SimpleBooleanProperty(this, "locked");
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(true);
    /** Changes refused now: the store's own refusal, the window's lock, or its server away. */
    private final ReadOnlyBooleanWrapper readOnly = new ReadOnlyBooleanWrapper(this, "readOnly");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ActionSummary> lastSummary = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper recoveryPaused = new ReadOnlyBooleanWrapper();
    /** The ids the last discard took away, while its notice is shown: what "Undo" restores. */
    private final ReadOnlyObjectWrapper<List<String>> undoable = new ReadOnlyObjectWrapper<>(List.of());
    private final BooleanBinding undoAvailable = Bindings.createBooleanBinding(() -> !undoable.get().isEmpty(), undoable);
    private AtomicBoolean cancelled = new AtomicBoolean();
    /** Told of each replay this window starts (the replay strip shows it at once). */
    private Consumer<ReplayStatus> replayStarted = status -> { };

    public ActionsViewModel(BatchOperations ops, BatchJson json, TaskExecutor executor, Formats formats,
                            boolean readOnly) {
        this.ops = ops;
        this.json = json;
        this.executor = executor;
        this.messages = formats.messages();
        this.texts = new ActionTexts(formats);
        this.storeReadOnly = readOnly;
        this.readOnly.bind(Bindings.createBooleanBinding(() -> storeReadOnly || locked.get() || !connected.get(),
                locked, connected));
        if (!readOnly) {
            // the console counts the whole store to answer (and may be across a network): not on the UI thread
            executor.submit(ops::isRecoveryPaused, recoveryPaused::set,
                    failure -> LOG.debug("cannot read whether recovery is paused: {}", failure.toString())); // the executor warned
        }
    }

    /**
     * Whether the store's server answers (a remote window; a local one is always connected): while
     * it does not, every change is refused here with a message and the commands are off.
     */
    public void setConnected(boolean answers) {
        connected.set(answers);
    }

    /**
     * Whether a change must not be sent now: the store is read-only, or its server is away (then
     * the notice says so, as the operator asked for something).
     */
    private boolean refused() {
        if (!connected.get() && !storeReadOnly) {
            outcome.set(messages.text("action.disconnected"));
        }
        return readOnly.get();
    }

    /** The question the confirmation asks, e.g. "Discard 1,204 batches (58,311 entries)?". */
    public String confirmation(BulkAction action, ActionTarget target) {
        return texts.confirmation(action, target);
    }

    /**
     * Reads what an action on {@code target} would touch (the console adds it up where the store
     * is), then hands it to {@code then} on the UI thread: the confirmation shows it.
     */
    public void preview(ActionTarget target, Consumer<ActionPreview> then) {
        preview(target, then, outcome::set);
    }

    /** As above; if the console cannot answer, {@code failed} gets why, in the operator's words. */
    public void preview(ActionTarget target, Consumer<ActionPreview> then, Consumer<String> failed) {
        executor.submit(() -> ops.preview(target.ids()), then, failure -> failed.accept(failed(failure)));
    }

    /**
     * What a requeue of {@code target} would touch and which of its batches are looping, read in the
     * background; {@code then} gets both on the UI thread, {@code failed} why the console could not answer.
     */
    public void countRequeue(ActionTarget target, Consumer<RequeueCount> then, Consumer<String> failed) {
        executor.submit(() -> new RequeueCount(ops.preview(target.ids()), ops.looped(target.ids())), then,
                failure -> failed.accept(failed(failure)));
    }

    /** A requeue's dry run and the looping batches among its target. */
    public record RequeueCount(ActionPreview preview, List<BatchView> looped) {
        public RequeueCount {
            looped = List.copyOf(looped);
        }
    }

    /** Runs what the operator confirmed: at once, or as a throttled replay at its rate. */
    public void go(Confirmed confirmed) {
        if (confirmed.rate().isPresent()) {
            startReplay(confirmed);
        } else {
            run(confirmed.action(), confirmed.target());
        }
    }

    /**
     * Starts the store's throttled replay of {@code confirmed} in the background; the notice says it
     * started (the replay strip then shows its progress) or why the store refused (another under way).
     */
    private void startReplay(Confirmed confirmed) {
        if (refused() || confirmed.target().isEmpty()) {
            return;
        }
        outcome.set("");
        undoable.set(List.of());
        executor.submit(() -> ops.startReplay(confirmed.replay()), status -> {
            outcome.set(messages.format("action.replayStarted", status.total(), texts.count(status.total()),
                    status.rate()));
            replayStarted.accept(status);
        }, failure -> outcome.set(failed(failure)));
    }

    /** Who is told of each replay started here (the replay strip). */
    public void onReplayStarted(Consumer<ReplayStatus> listener) {
        this.replayStarted = listener;
    }

    /** A target's batch count as the confirmations word it ("1,204"). */
    String confirmationCount(ActionTarget target) {
        return texts.count(target.size());
    }

    /** The dry run in words: totals, in flight, dead, and each sink's share. */
    public String previewText(ActionPreview preview) {
        return texts.preview(preview);
    }

    /** Runs {@code action} on exactly {@code target}'s ids, in the background. */
    public void run(BulkAction action, ActionTarget target) {
        if (running.get() || refused() || target.isEmpty()) {
            return;
        }
        cancelled = new AtomicBoolean();
        running.set(true);
        progress.set(0);
        outcome.set("");
        undoable.set(List.of());
        progressText.set(texts.progress(action, 0, target.size()));
        BulkActionRun work = new BulkActionRun(ops, json, action, target, cancelled, tried ->
                executor.onUiThread(() -> {
                    progress.set((double) tried / target.size());
                    progressText.set(texts.progress(action, tried, target.size()));
                }), messages);
        executor.submit(work, summary -> {
            running.set(false);
            lastSummary.set(summary);
            outcome.set(texts.summary(summary));
            if (action instanceof BulkAction.Discard) {
                undoable.set(summary.doneIds());
            }
        }, failure -> {
            running.set(false);
            outcome.set(failed(failure));
        });
    }

    private String failed(Throwable failure) {
        return messages.format("action.failed", messages.engineTexts().failure(failure).oneLine());
    }

    /** Stops a running action after its current chunk; what was done stays done. */
    public void cancel() {
        cancelled.set(true);
    }

    public void toggleRecovery() {
        if (refused()) {
            return;
        }
        boolean pause = !recoveryPaused.get();
        executor.submit(() -> {
            ops.setRecoveryPaused(pause);
            return pause;
        }, paused -> {
            recoveryPaused.set(paused);
            outcome.set(messages.text(paused ? "action.recoveryPaused" : "action.recoveryResumed"));
        }, failure -> outcome.set(failed(failure)));
    }

    public void runCleanupNow() {
        if (refused()) {
            return;
        }
        executor.submit(ops::runCleanupNow, (CleanupReport report) -> outcome.set(
                messages.format("action.cleanupDone", report.expiredIds().size())),
                failure -> outcome.set(failed(failure)));
    }

    /** Keeps the recovery state in step when another window or the CLI toggles it. */
    public void onEvents(List<BatchEvent> events) {
        for (BatchEvent event : events) {
            if (event instanceof BatchEvent.RecoveryToggled toggled) {
                recoveryPaused.set(toggled.paused());
            }
        }
    }

    /**
     * Takes back the last discard (its batches come back as they were, if within
     * {@code discard_grace}); the notice then says how many came back and why others did not.
     */
    public void undoDiscard() {
        List<String> ids = undoable.get();
        if (running.get() || ids.isEmpty() || refused()) {
            return;
        }
        undoable.set(List.of());
        restore(ids);
    }

    /**
     * Takes back the discards of {@code ids} (those within {@code discard_grace} come back as they
     * were), in the background; the notice says how many came back and why others did not.
     */
    public void restore(List<String> ids) {
        if (ids.isEmpty() || refused()) {
            return;
        }
        executor.submit(() -> ops.restore(ids), results -> outcome.set(texts.restored(results)),
                failure -> outcome.set(failed(failure)));
    }

    /** Says {@code text} in the notice (an action that found nothing to do). */
    public void tell(String text) {
        if (!running.get()) {
            undoable.set(List.of());
            outcome.set(text);
        }
    }

    public void dismissOutcome() {
        outcome.set("");
        undoable.set(List.of());
    }

    /** Whether the notice offers "Undo" (the last action was a discard that took some batches). */
    public BooleanBinding undoAvailableProperty() {
        return undoAvailable;
    }

    /**
     * Follows the window's lock on changes (a prod connection until its operator unlocks it): while
     * {@code lock} holds, this model is read-only as for a read-only store, and every command bound
     * to {@link #readOnlyProperty()} is off. A read-only store stays read-only whatever the lock says.
     */
    public void lockChanges(ObservableBooleanValue lock) {
        locked.bind(lock);
    }

    public ReadOnlyBooleanProperty readOnlyProperty() {
        return readOnly.getReadOnlyProperty();
    }

    /** Whether the store's server answers; always for a local store. */
    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** The last action's summary or message; empty when dismissed. */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ActionSummary> lastSummaryProperty() {
        return lastSummary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty recoveryPausedProperty() {
        return recoveryPaused.getReadOnlyProperty();
    }
}
