package dev.batchyard.app.batches;

import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.engine.BatchQuery;
import dev.batchyard.engine.BatchView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The group-by-failure-reason view of every batch the filter matches (not only the rows the table
 * has read): a walk over the matches a page at a time, off the UI thread, holding the groups (each
 * group's ids and counts), never the rows. A walk is a pass over the store per page
 * ({@link BatchSource#WALK_PAGE} rows), so a change only marks the groups stale; {@link #pulse()}
 * walks again only while the view is shown ({@link #activeProperty()}), one walk at a time, the
 * next at least {@code minInterval} (and twice the last walk's time) after the last ended.
 */
public final class FailureGroupsViewModel {
    private final BatchSource source;
    private final Supplier<BatchQuery> query;
    private final TaskExecutor executor;
    private final FailureGroups grouping;
    private final Clock clock;
    private final Duration minInterval;
    private final Consumer<Throwable> failed;
    private final ObservableList<ReasonGroup> groups = FXCollections.observableArrayList();
    /** One read-only view, kept: listeners on a fresh wrapper per call would be collected. */
    private final ObservableList<ReasonGroup> groupsView = FXCollections.unmodifiableObservableList(groups);
    private final BooleanProperty active = new SimpleBooleanProperty();
    private boolean stale = true;
    private boolean walking;
    private Instant nextWalk = Instant.MIN;

    /**
     * @param query   the table's filter now
     * @param changes changes whenever the matches may have changed (the table's
     *                {@link BatchTableViewModel#changesProperty()})
     * @param failed  told why a walk failed (the groups stay as they were)
     */
    public FailureGroupsViewModel(BatchSource source, Supplier<BatchQuery> query, ObservableValue<?> changes,
                                  TaskExecutor executor, FailureGroups grouping, Clock clock, Duration minInterval,
                                  Consumer<Throwable> failed) {
        this.source = source;
        this.query = query;
        this.executor = executor;
        this.grouping = grouping;
        this.clock = clock;
        this.minInterval = minInterval;
        this.failed = failed;
        changes.addListener((o, was, is) -> stale = true);
        active.addListener((o, was, is) -> pulse());
    }

    /** Regroups if the matches changed since the last time, the view is shown and no walk is under way. */
    public void pulse() {
        Instant at = clock.instant();
        if (!stale || !active.get() || walking || at.isBefore(nextWalk)) {
            return;
        }
        stale = false;
        walking = true;
        BatchQuery asked = query.get();
        executor.submit(() -> {
            try (Stream<BatchView> matching = source.each(asked)) {
                return grouping.of(matching);
            }
        }, read -> {
            walking = false;
            nextWalk = next(at);
            groups.setAll(read);
        }, failure -> {
            walking = false;
            stale = true;
            nextWalk = next(at);
            failed.accept(failure);
        });
    }

    private Instant next(Instant startedAt) {
        Instant end = clock.instant();
        Duration twice = Duration.between(startedAt, end).multipliedBy(2);
        return end.plus(twice.compareTo(minInterval) > 0 ? twice : minInterval);
    }

    public ObservableList<ReasonGroup> groups() {
        return groupsView;
    }

    /** Whether the groups are shown; the view binds its tab's selection to this. */
    public BooleanProperty activeProperty() {
        return active;
    }
}
