package dev.batchyard.app.discarded;

import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.engine.DiscardedBatch;
import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.i18n.EngineTexts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The recently discarded batches: what a restore can still take back, most recently discarded
 * first, each with the time left in its grace. Read through the console while the view is open: again
 * when a discard or a restore happens (coalesced to the next second's tick) and every {@link #POLL}
 * (another window or the CLI may discard too); a row whose grace runs out leaves at that tick,
 * without a read. Restoring goes through the actions' view model, whose notice says what came back.
 * UI thread only; reads run on the {@link TaskExecutor}.
 */
public final class DiscardedViewModel {
    /** How often an open view reads the list again when no event said it changed. */
    public static final Duration POLL = Duration.ofSeconds(10);

    private final Supplier<List<DiscardedBatch>> source;
    private final Consumer<List<String>> restorer;
    private final TaskExecutor executor;
    private final EngineTexts texts;
    private final ObservableList<DiscardedBatch> rows = FXCollections.observableArrayList();
    private final ObservableList<DiscardedBatch> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyObjectWrapper<Instant> now;
    private final ReadOnlyBooleanWrapper canRestore;
    private final boolean writable;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private boolean open;
    private boolean stale;
    private boolean reading;
    private Instant lastRead = Instant.MIN;
    private long generation;

    /**
     * @param source   the console's {@code recentlyDiscarded}
     * @param restorer restores ids and says how it went in the notice
     * @param writable whether this window may change the store (a read-only one only lists)
     */
    public DiscardedViewModel(Supplier<List<DiscardedBatch>> source, Consumer<List<String>> restorer,
                              TaskExecutor executor, Instant now, boolean writable, EngineTexts texts) {
        this.source = source;
        this.restorer = restorer;
        this.executor = executor;
        this.texts = texts;
        this.now = new ReadOnlyObjectWrapper<>(now);
        this.writable = writable;
        this.canRestore = new ReadOnlyBooleanWrapper(writable);
    }

    /**
     * Restore follows {@code readOnly}, the actions' read-only state (a read-only store, or the
     * window's lock on changes: a prod connection until unlocked).
     */
    public void followReadOnly(ObservableBooleanValue readOnly) {
        canRestore.bind(Bindings.createBooleanBinding(() -> writable && !readOnly.get(), readOnly));
    }

    /** The view was shown: reads the list and keeps it current until {@link #close()}. */
    public void open() {
        open = true;
        refresh();
    }

    public void close() {
        open = false;
        generation++;
        reading = false;
    }

    /** Reads the list again now. */
    public void refresh() {
        long mine = ++generation;
        reading = true;
        stale = false;
        lastRead = now.get();
        executor.submit(source::get, list -> {
            if (mine == generation) {
                reading = false;
                problem.set("");
                rows.setAll(list.stream().filter(this::restorable).toList());
            }
        }, failure -> {
            if (mine == generation) {
                reading = false;
                problem.set(texts.failure(failure).oneLine());
            }
        });
    }

    /** One pulse's events: a discard or a restore changes the list; lost events may have. */
    public void onEvents(List<BatchEvent> events) {
        if (events.stream().anyMatch(e -> e instanceof BatchEvent.Discarded || e instanceof BatchEvent.Restored
                || e instanceof BatchEvent.Edited
                || e instanceof BatchEvent.Missed)) {
            stale = true;
        }
    }

    /** Once a second: the time left ticks, rows past their grace leave, and the list is read when due. */
    public void tick(Instant instant) {
        now.set(instant);
        rows.removeIf(row -> !restorable(row));
        if (open && !reading && (stale || !instant.isBefore(lastRead.plus(POLL)))) {
            refresh();
        }
    }

    private boolean restorable(DiscardedBatch row) {
        return now.get().isBefore(row.restorableUntil());
    }

    /** Restores {@code ids}; the notice says how many came back, and the list follows from the events. */
    public void restore(List<String> ids) {
        if (canRestore.get() && !ids.isEmpty()) {
            restorer.accept(List.copyOf(ids));
        }
    }

    /** The time left before {@code row} can no longer be restored; zero once past. */
    public Duration timeLeft(DiscardedBatch row) {
        Duration left = Duration.between(now.get(), row.restorableUntil());
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** The restorable batches, most recently discarded first. */
    public ObservableList<DiscardedBatch> rows() {
        return rowsView;
    }

    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }

    /** False for a read-only window: the list is shown, restore is not offered. */
    public ReadOnlyBooleanProperty canRestoreProperty() {
        return canRestore.getReadOnlyProperty();
    }

    /** Why the last read failed; empty once one succeeds. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
