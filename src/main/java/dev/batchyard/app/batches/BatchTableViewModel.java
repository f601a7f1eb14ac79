package dev.batchyard.app.batches;

import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.i18n.EngineTexts;
import dev.batchyard.model.BatchState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The batches table: every stored batch's metadata, filtered and sorted, kept current from a
 * snapshot plus the events of each pulse (see {@link VisibleRows} for why the merge is one pass). Changed rows are re-read in one background call per
 * round; events arriving meanwhile wait for the next round, so a flood of events costs a few
 * reads per second, not one per event. UI thread only.
 */
public final class BatchTableViewModel {
    private static final Duration TIME_FILTER_REFRESH = Duration.ofSeconds(5);

    private final BatchReader reader;
    private final TaskExecutor executor;
    private final EngineTexts texts;
    private final BatchRows rows = new BatchRows();
    private final VisibleRows visible = new VisibleRows();
    private final ObservableList<BatchView> shownRows = FXCollections.unmodifiableObservableList(visible.list());
    private final ObjectProperty<Comparator<BatchView>> comparator = new SimpleObjectProperty<>();
    private final ObservableList<String> sinks = FXCollections.observableArrayList();
    /** One read-only view, kept: listeners on a fresh wrapper per call would be collected. */
    private final ObservableList<String> sinksView = FXCollections.unmodifiableObservableList(sinks);
    private final ObservableList<BatchView> selection = FXCollections.observableArrayList();

    private final StringProperty text = new SimpleStringProperty("");
    private final ObjectProperty<String> sink = new SimpleObjectProperty<>();
    private final ObjectProperty<BatchState> state = new SimpleObjectProperty<>();
    private final ObjectProperty<AgeFilter> age = new SimpleObjectProperty<>(AgeFilter.ANY);
    private final IntegerProperty minRetries = new SimpleIntegerProperty(0);
    private final ReadOnlyObjectWrapper<Instant> now;
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper shown = new ReadOnlyIntegerWrapper();

    private final RereadRounds rounds;
    private Instant filterAppliedAt;
    private Predicate<BatchView> filter = v -> true;

    /** As below, re-reading changed rows as often as they come (for tests). */
    public BatchTableViewModel(BatchReader reader, TaskExecutor executor, Clock clock, EngineTexts texts) {
        this(reader, executor, clock, Duration.ZERO, texts);
    }

    /**
     * @param minRoundInterval the least time between two rounds of re-reads: each round merges into
     *                         the visible rows in one O(n) pass, so under a flood of events rounds
     *                         are spaced out and simply carry more changes each
     * @param texts            words a failed read in the operator's language
     */
    public BatchTableViewModel(BatchReader reader, TaskExecutor executor, Clock clock, Duration minRoundInterval,
                               EngineTexts texts) {
        this.reader = reader;
        this.executor = executor;
        this.texts = texts;
        this.rounds = new RereadRounds(reader, executor, clock, minRoundInterval, loading::get, this::beginRound,
                this::failed);
        this.now = new ReadOnlyObjectWrapper<>(clock.instant());
        text.addListener((o, a, b) -> applyFilter());
        sink.addListener((o, a, b) -> applyFilter());
        state.addListener((o, a, b) -> applyFilter());
        age.addListener((o, a, b) -> applyFilter());
        minRetries.addListener((o, a, b) -> applyFilter());
        comparator.addListener((o, a, b) -> rebuild());
        shown.bind(Bindings.size(visible.list()));
        applyFilter();
    }

    /** Reads a fresh snapshot of the whole store in the background. */
    public void refresh() {
        loading.set(true);
        rounds.clear();
        executor.submit(reader::snapshot, snapshot -> {
            rows.replaceAll(snapshot);
            total.set(rows.size());
            rebuild();
            rebuildSinks();
            loadError.set("");
            loading.set(false);
            rounds.startIfDue();
        }, failure -> {
            failed(failure);
            loading.set(false);
        });
    }

    private void failed(Throwable failure) {
        loadError.set(texts.failure(failure).oneLine());
    }

    /** One pulse's events (from the event bridge). */
    public void onEvents(List<BatchEvent> events) {
        EventDelta delta = EventDelta.of(events);
        if (delta.fullRefresh()) {
            refresh();
            return;
        }
        rounds.add(delta);
    }

    /** A round's merge against the rows on screen now, worked out with the read in the background. */
    private RereadRounds.RoundWork.Preparation beginRound() {
        VisibleRows.Basis basis = visible.basis();
        return (read, removed) -> {
            VisibleRows.Prepared prepared = basis.prepare(read, removed);
            return () -> applyRound(read, removed, prepared);
        };
    }

    private void applyRound(List<BatchView> read, Set<String> removed, VisibleRows.Prepared prepared) {
        rows.apply(read, removed);
        visible.commit(prepared, read, removed);
        total.set(rows.size());
        read.forEach(v -> addSink(v.sink()));
    }

    /** The clock moved: relative columns re-render, and an age filter is re-applied now and then. */
    public void tick(Instant instant) {
        now.set(instant);
        if (filterDependsOnTime() && Duration.between(filterAppliedAt, instant).compareTo(TIME_FILTER_REFRESH) >= 0) {
            applyFilter();
        }
    }

    /** Called once per pulse: starts a round of re-reads that was held back by the interval. */
    public void pulse() {
        rounds.startIfDue();
    }

    private void applyFilter() {
        filterAppliedAt = now.get();
        filter = currentFilter().toQuery().matcher(filterAppliedAt);
        rebuild();
    }

    private void rebuild() {
        visible.rebuild(rows.all(), filter, comparator.get());
    }

    private boolean filterDependsOnTime() {
        return currentFilter().dependsOnTime();
    }

    public BatchFilter currentFilter() {
        return new BatchFilter(text.get(), sink.get(), state.get(), age.get(), minRetries.get());
    }

    private void rebuildSinks() {
        Set<String> names = new TreeSet<>();
        for (BatchView view : rows.all()) {
            names.add(view.sink());
        }
        sinks.setAll(names);
    }

    private void addSink(String name) {
        if (!sinks.contains(name)) {
            Set<String> names = new TreeSet<>(sinks);
            names.add(name);
            sinks.setAll(names);
        }
    }

    /** The rows on screen: filtered, in the order of {@link #comparatorProperty()}. */
    public ObservableList<BatchView> visibleRows() {
        return shownRows;
    }

    /** The table's sort order ({@code null}: arrival order); the view sets it from its columns. */
    public ObjectProperty<Comparator<BatchView>> comparatorProperty() {
        return comparator;
    }

    /** Snapshot of every batch the table knows, filtered or not. */
    public List<BatchView> allBatches() {
        return List.copyOf(rows.all());
    }

    /** Snapshot of the rows on screen, in screen order. */
    public List<BatchView> visibleSnapshot() {
        return List.copyOf(visible.list());
    }

    /** See {@link VisibleRows#replacingProperty()}. */
    public ReadOnlyBooleanProperty replacingProperty() {
        return visible.replacingProperty();
    }

    /** How many batches the store holds (as of the last snapshot and deltas). */
    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** How many of them pass the filter. */
    public ReadOnlyIntegerProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ObservableList<String> sinks() {
        return sinksView;
    }

    /** The selected rows, as the view reports them. */
    public ObservableList<BatchView> selection() {
        return selection;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<String> sinkProperty() {
        return sink;
    }

    public ObjectProperty<BatchState> stateProperty() {
        return state;
    }

    public ObjectProperty<AgeFilter> ageProperty() {
        return age;
    }

    public IntegerProperty minRetriesProperty() {
        return minRetries;
    }

    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /**
     * Why the last read failed, in the operator's language with the English detail after it;
     * empty once a read succeeds.
     */
    public ReadOnlyStringProperty loadErrorProperty() {
        return loadError.getReadOnlyProperty();
    }

    /** Resets every criterion. */
    public void clearFilter() {
        text.set("");
        sink.set(null);
        state.set(null);
        age.set(AgeFilter.ANY);
        minRetries.set(0);
    }
}
