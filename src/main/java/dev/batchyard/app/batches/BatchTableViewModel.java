package dev.batchyard.app.batches;

import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.console.BatchOrder;
import dev.batchyard.console.BatchPage;
import dev.batchyard.engine.BatchQuery;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.i18n.EngineTexts;
import dev.batchyard.model.BatchState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
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
 * The batches table: a window onto the store's batches that match the filter, in the table's
 * order. The filter ({@link BatchQuery}) and the order ({@link BatchOrder}) are the store's to
 * apply (a remote store applies them on its server); the table holds only the rows on screen plus
 * {@link #MARGIN} above and below, read off the UI thread as the operator scrolls ({@link PagedRows}:
 * a row not read yet is {@code null}, drawn as a row being read, and never waits). One read is in
 * flight at a time. Events do not touch the rows: they mark them stale, and the window is read again
 * in rounds that start at least {@code minRoundInterval} apart (and at least twice the last read's
 * time, so a slow store is read at most half the time), so thousands of events a second cost a few
 * reads a second, each a page however large the store. The interval bounds the rate, it adds no
 * wait: an event after a quiet spell starts a read at once. A new filter or order, a scroll past the
 * rows read, and {@link #refresh()} read at once; a new filter or order reads from the top
 * ({@link #questionsProperty()}). UI thread only.
 */
public final class BatchTableViewModel {
    /** Rows read above and below those on screen, so a scroll of a few pages finds them read. */
    public static final int MARGIN = 100;
    private static final Duration TIME_FILTER_REFRESH = Duration.ofSeconds(5);

    private final BatchSource source;
    private final TaskExecutor executor;
    private final Clock clock;
    private final Duration minRoundInterval;
    private final EngineTexts texts;
    private final PagedRows rows = new PagedRows();
    private final ObservableList<BatchView> shownRows = FXCollections.unmodifiableObservableList(rows);
    private final ObjectProperty<BatchOrder> order = new SimpleObjectProperty<>(BatchOrder.OLDEST_FIRST);
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
    private final ReadOnlyBooleanWrapper replacing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper changes = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper questions = new ReadOnlyIntegerWrapper();

    private BatchQuery query;
    private Instant filterAppliedAt;
    /** Rows on screen, as the view last reported them. */
    private int firstShown;
    private int lastShown = MARGIN;
    /** Bumped by a new filter or order: a read asked for before answers a question no longer asked. */
    private int generation;
    private boolean reading;
    /** The rows read may be out of date (events came): read them again at the next round. */
    private boolean stale;
    /** Read now, not at the next round: a new filter or order, a refresh. */
    private boolean urgent;
    private Instant nextRound = Instant.MIN;
    private boolean sinksDue;

    /** As below, reading changed rows as often as they come (for tests). */
    public BatchTableViewModel(BatchSource source, TaskExecutor executor, Clock clock, EngineTexts texts) {
        this(source, executor, clock, Duration.ZERO, texts);
    }

    /**
     * @param minRoundInterval the least time between the starts of two reads caused by events
     * @param texts            words a failed read in the operator's language
     */
    public BatchTableViewModel(BatchSource source, TaskExecutor executor, Clock clock, Duration minRoundInterval,
                               EngineTexts texts) {
        this.source = source;
        this.executor = executor;
        this.clock = clock;
        this.minRoundInterval = minRoundInterval;
        this.texts = texts;
        this.now = new ReadOnlyObjectWrapper<>(clock.instant());
        text.addListener((o, a, b) -> applyFilter());
        sink.addListener((o, a, b) -> applyFilter());
        state.addListener((o, a, b) -> applyFilter());
        age.addListener((o, a, b) -> applyFilter());
        minRetries.addListener((o, a, b) -> applyFilter());
        order.addListener((o, a, b) -> {
            Objects.requireNonNull(b, "order");
            reorder();
        });
        filterAppliedAt = now.get();
        query = currentFilter().toQuery();
    }

    /** Reads the rows on screen, the counts and the sinks again, now. */
    public void refresh() {
        loading.set(true);
        urgent = true;
        sinksDue = true;
        readIfDue();
    }

    /** The sinks of the stored batches, asked after the rows (the rows on screen come first). */
    private void readSinks() {
        sinksDue = false;
        executor.submit(source::sinks, names -> {
            Set<String> all = new TreeSet<>(sinks);
            all.addAll(names);
            sinks.setAll(all);
        }, this::failed);
    }

    private void failed(Throwable failure) {
        loadError.set(texts.failure(failure).oneLine());
    }

    /** One pulse's events (from the event bridge): the rows on screen are read again at the next round. */
    public void onEvents(List<BatchEvent> events) {
        EventDelta delta = EventDelta.of(events);
        if (delta.fullRefresh()) {
            refresh();
        } else if (!delta.isEmpty()) {
            stale = true;
            readIfDue();
        }
    }

    /** The clock moved: relative columns re-render, and an age filter is re-applied now and then. */
    public void tick(Instant instant) {
        now.set(instant);
        if (currentFilter().dependsOnTime()
                && Duration.between(filterAppliedAt, instant).compareTo(TIME_FILTER_REFRESH) >= 0) {
            filterAppliedAt = instant;
            stale = true; // the store applies the age at each read: a read now lets the batches in that grew old
        }
        readIfDue();
    }

    /** Called once per pulse: starts a round that was held back by the interval. */
    public void pulse() {
        readIfDue();
    }

    /**
     * The view's rows on screen, first and last index (the view reports them after each layout). Rows
     * outside those read are read at once.
     */
    public void showing(int first, int last) {
        int f = Math.max(0, first);
        int l = Math.max(f, last);
        if (f != firstShown || l != lastShown) {
            firstShown = f;
            lastShown = l;
            readIfDue();
        }
    }

    private void applyFilter() {
        filterAppliedAt = now.get();
        BatchQuery next = currentFilter().toQuery();
        if (!next.equals(query)) {
            query = next;
            reorder();
        }
    }

    /**
     * A new filter or order: a new list of matches, read from its top (the rows at the old index
     * answer the old question), in one read rather than one where the table was and another once it
     * has moved up to the new list's end; the view goes back to the top with it.
     */
    private void reorder() {
        generation++;
        lastShown -= firstShown;
        firstShown = 0;
        urgent = true;
        questions.set(questions.get() + 1);
        readIfDue();
    }

    /** Starts a read if one is due and none is in flight. */
    private void readIfDue() {
        if (reading) {
            return;
        }
        boolean missing = !covered();
        Instant at = clock.instant();
        boolean roundDue = stale && !at.isBefore(nextRound);
        if (!urgent && !missing && !roundDue) {
            return;
        }
        boolean counts = urgent || stale; // the matches may have changed: count them again too
        urgent = false;
        stale = false; // a read for any reason reads the latest rows
        read(counts, at);
    }

    /** Whether the rows on screen, with half the margin around them, are read (or are past the end). */
    private boolean covered() {
        int size = rows.size();
        int from = Math.max(0, firstShown - MARGIN / 2);
        int to = Math.min(size, lastShown + 1 + MARGIN / 2);
        return from >= to || (rows.start() <= from && rows.end() >= to);
    }

    private void read(boolean counts, Instant startedAt) {
        reading = true;
        int offset = Math.max(0, firstShown - MARGIN);
        int limit = lastShown - firstShown + 1 + 2 * MARGIN;
        BatchQuery asked = query;
        BatchOrder in = order.get();
        int askedIn = generation;
        boolean storeCount = counts && !asked.equals(BatchQuery.all());
        executor.submit(() -> new Read(source.page(asked, in, offset, limit), storeCount ? source.count(BatchQuery.all()) : -1),
                read -> {
                    reading = false;
                    // the interval bounds the rate of reads, counted from this one's start: an event
                    // after a quiet spell is read at once, not an interval after the last read ended
                    Duration took = Duration.between(startedAt, clock.instant());
                    nextRound = startedAt.plus(max(minRoundInterval, took.multipliedBy(2)));
                    if (askedIn == generation) {
                        show(read, offset, asked, counts);
                    }
                    loadError.set("");
                    loading.set(false);
                    if (sinksDue) {
                        readSinks();
                    }
                    readIfDue();
                }, failure -> {
                    reading = false;
                    nextRound = clock.instant().plus(max(minRoundInterval, Duration.ofSeconds(1)));
                    stale = true; // tried again at a round a second or more away, until a read succeeds
                    failed(failure);
                    loading.set(false);
                });
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** What one read brought: a page, and the store's count when the filter is not everything. */
    private record Read(BatchPage page, int storeTotal) {
    }

    private void show(Read read, int offset, BatchQuery asked, boolean counts) {
        BatchPage page = read.page();
        replacing.set(true);
        try {
            rows.publish(page.total(), offset, page.rows());
        } finally {
            replacing.set(false);
        }
        shown.set(page.total());
        if (asked.equals(BatchQuery.all())) {
            total.set(page.total());
        } else if (read.storeTotal() >= 0) {
            total.set(read.storeTotal());
        }
        page.rows().forEach(v -> addSink(v.sink()));
        if (counts) {
            changes.set(changes.get() + 1);
        }
    }

    public BatchFilter currentFilter() {
        return new BatchFilter(text.get(), sink.get(), state.get(), age.get(), minRetries.get());
    }

    /** The filter as the store applies it. */
    public BatchQuery query() {
        return query;
    }

    private void addSink(String name) {
        if (!sinks.contains(name)) {
            Set<String> names = new TreeSet<>(sinks);
            names.add(name);
            sinks.setAll(names);
        }
    }

    /**
     * The matches, in the order: as many as match, those not read yet {@code null}. Reading it
     * reads nothing from the store.
     */
    public ObservableList<BatchView> visibleRows() {
        return shownRows;
    }

    /** Whether row {@code index} has been read ({@link #visibleRows()} holds it). */
    public boolean isRead(int index) {
        return rows.loaded(index);
    }

    /** The rows read, from {@link #firstRead()} on. */
    public List<BatchView> readRows() {
        return rows.block();
    }

    /** The index of the first row read. */
    public int firstRead() {
        return rows.start();
    }

    /** The table's order: the store sorts; the view sets it from its columns. */
    public ObjectProperty<BatchOrder> orderProperty() {
        return order;
    }

    /** Where the batches come from (for whoever needs every match: the groups, an action on all shown). */
    public BatchSource source() {
        return source;
    }

    /**
     * Counts up each time the matches may have changed (a new filter or order, events, a refresh), not
     * on a scroll: whoever reads every match (the failure groups) knows when to read again.
     */
    public ReadOnlyIntegerProperty changesProperty() {
        return changes.getReadOnlyProperty();
    }

    /**
     * Counts up at each new filter or order (not at events nor scrolls): the matches are another list,
     * read from its first row, and the view shows its top.
     */
    public ReadOnlyIntegerProperty questionsProperty() {
        return questions.getReadOnlyProperty();
    }

    /**
     * True while the rows are being replaced: a table may lose its selection on a change, so its
     * view remembers the selected ids when this turns true and restores them after.
     */
    public ReadOnlyBooleanProperty replacingProperty() {
        return replacing.getReadOnlyProperty();
    }

    /**
     * Selects the stored ones of {@code ids} by id (read in the background), shown on screen or not;
     * leaves the selection alone when it already holds exactly those.
     */
    public void select(Collection<String> ids) {
        List<String> wanted = List.copyOf(ids);
        executor.submit(() -> source.find(wanted), found -> {
            if (!idsOf(found).equals(idsOf(selection))) {
                selection.setAll(found);
            }
        }, this::failed);
    }

    private static Set<String> idsOf(Collection<BatchView> views) {
        Set<String> ids = new HashSet<>();
        views.forEach(v -> ids.add(v.id()));
        return ids;
    }

    /** How many batches the store holds (as of the last read). */
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

    /** The selected rows, as the view reports them (kept by id across reads, sorts and scrolls). */
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
