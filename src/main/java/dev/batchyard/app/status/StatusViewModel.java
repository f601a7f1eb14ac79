package dev.batchyard.app.status;

import dev.batchyard.app.actions.SinkCatalog;
import dev.batchyard.app.actions.SinkChoice;
import dev.batchyard.app.actions.SinkHealth;
import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.engine.StoreStats;
import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.model.BatchState;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The status bar's figures: counts by state, bytes on disk, the oldest batch, recovery and
 * cleanup, each sink's health. The store's counts are read in the background at most once a
 * second; a sink's health event and a recovery toggle show at once. UI thread only.
 */
public final class StatusViewModel {
    private static final Duration POLL = Duration.ofSeconds(1);

    private final Supplier<StoreStats> stats;
    private final SinkCatalog sinks;
    private final TaskExecutor executor;
    private final ReadOnlyIntegerWrapper pending = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper retrying = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper dead = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper held = new ReadOnlyIntegerWrapper();
    private final ReadOnlyLongWrapper diskBytes = new ReadOnlyLongWrapper();
    private final ReadOnlyObjectWrapper<OffsetDateTime> oldest = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper recoveryPaused = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper healthy = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyObjectWrapper<Instant> nextCleanup = new ReadOnlyObjectWrapper<>();
    private final ObservableList<SinkChoice> sinkHealth = FXCollections.observableArrayList();
    /** One read-only view, kept: listeners on a fresh wrapper per call would be collected. */
    private final ObservableList<SinkChoice> sinkHealthView = FXCollections.unmodifiableObservableList(sinkHealth);
    private Instant lastPoll = Instant.MIN;
    private boolean polling;

    /** @param stats the store's counts, with the next cleanup (the console's {@code stats}) */
    public StatusViewModel(Supplier<StoreStats> stats, SinkCatalog sinks, TaskExecutor executor) {
        this.stats = stats;
        this.sinks = sinks;
        this.executor = executor;
    }

    /** Called every second or so with the clock's instant; re-reads the store when a poll is due. */
    public void tick(Instant now) {
        if (polling || Duration.between(lastPoll, now).compareTo(POLL) < 0) {
            return;
        }
        polling = true;
        lastPoll = now;
        executor.submit(() -> new Reading(stats.get(), sinks.choices()), this::apply,
                failure -> {
                    polling = false;
                    healthy.set(false);
                });
    }

    private void apply(Reading reading) {
        polling = false;
        StoreStats s = reading.stats();
        pending.set(s.count(BatchState.PENDING) + s.count(BatchState.IN_FLIGHT));
        retrying.set(s.count(BatchState.RETRY_WAIT));
        dead.set(s.count(BatchState.DEAD));
        held.set(s.count(BatchState.HELD));
        diskBytes.set(s.diskBytes());
        oldest.set(s.oldestCreated());
        recoveryPaused.set(s.recoveryPaused());
        healthy.set(s.healthy());
        nextCleanup.set(s.nextCleanupAt());
        if (!sinkHealth.equals(reading.sinks())) {
            sinkHealth.setAll(reading.sinks());
        }
    }

    /** Health changes and recovery toggles show before the next poll. */
    public void onEvents(List<BatchEvent> events) {
        for (BatchEvent event : events) {
            if (event instanceof BatchEvent.SinkHealthChanged changed) {
                setHealth(changed.sink(), SinkHealth.of(changed.health()));
            } else if (event instanceof BatchEvent.RecoveryToggled toggled) {
                recoveryPaused.set(toggled.paused());
            }
        }
    }

    private void setHealth(String sink, SinkHealth health) {
        List<SinkChoice> next = new ArrayList<>(sinkHealth);
        next.removeIf(c -> c.name().equals(sink));
        next.add(new SinkChoice(sink, health));
        next.sort(java.util.Comparator.comparing(SinkChoice::name));
        sinkHealth.setAll(next);
    }

    public ReadOnlyIntegerProperty pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty retryingProperty() {
        return retrying.getReadOnlyProperty();
    }

    /** Batches held for a sink configuration problem: shown only while there are some. */
    public ReadOnlyIntegerProperty heldProperty() {
        return held.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty deadProperty() {
        return dead.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty diskBytesProperty() {
        return diskBytes.getReadOnlyProperty();
    }

    /** Creation time of the oldest stored batch; {@code null} when the store is empty. */
    public ReadOnlyObjectProperty<OffsetDateTime> oldestProperty() {
        return oldest.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty recoveryPausedProperty() {
        return recoveryPaused.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty healthyProperty() {
        return healthy.getReadOnlyProperty();
    }

    /** When the next cleanup pass runs; {@code null} for a read-only store. */
    public ReadOnlyObjectProperty<Instant> nextCleanupProperty() {
        return nextCleanup.getReadOnlyProperty();
    }

    public ObservableList<SinkChoice> sinkHealth() {
        return sinkHealthView;
    }

    private record Reading(StoreStats stats, List<SinkChoice> sinks) {
    }
}
