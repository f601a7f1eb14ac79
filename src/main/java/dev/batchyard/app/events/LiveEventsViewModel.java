package dev.batchyard.app.events;

import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.Messages;
import dev.batchyard.engine.events.BatchEvent;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.transformation.FilteredList;

/**
 * State of the live event stream. Fed whole batches of engine events (one drain of an
 * {@code EventSubscription} per pulse) on the FX thread; keeps at most {@code capacity} rows so a
 * busy engine cannot exhaust memory. While paused, the shown rows stay still and new rows wait
 * (at most {@code capacity} of them) while {@link #newWhilePausedProperty()} counts every event
 * that arrived; resuming appends them.
 *
 * <p>Not thread-safe: FX thread only (or one test thread).
 */
public final class LiveEventsViewModel {
    private final EventDescriber describer;
    private final AlertCoalescer alerts;
    private final RingList<EventRow> rows;
    private final FilteredList<EventRow> visibleRows;
    private final Deque<EventRow> held = new ArrayDeque<>();
    private final ObservableList<String> knownSinks = FXCollections.observableArrayList();
    // one wrapper for the object's life: it holds its listeners only weakly reachable from `knownSinks`
    private final ObservableList<String> readOnlySinks = FXCollections.unmodifiableObservableList(knownSinks);

    private final ObservableSet<EventKind> kindFilter = FXCollections.observableSet();
    private final StringProperty sinkFilter = new SimpleStringProperty(this, "sinkFilter", "");
    private final StringProperty textFilter = new SimpleStringProperty(this, "textFilter", "");
    private final BooleanProperty paused = new SimpleBooleanProperty(this, "paused");
    private final BooleanProperty autoScroll = new SimpleBooleanProperty(this, "autoScroll", true);
    private final ReadOnlyLongWrapper newWhilePaused = new ReadOnlyLongWrapper(this, "newWhilePaused");
    private final ReadOnlyLongWrapper received = new ReadOnlyLongWrapper(this, "received");
    private final ReadOnlyLongWrapper missed = new ReadOnlyLongWrapper(this, "missed");
    private Notice restartNotice;

    public LiveEventsViewModel(EventDescriber describer, AlertCoalescer alerts, int capacity) {
        this.describer = describer;
        this.alerts = alerts;
        this.rows = new RingList<>(capacity);
        this.visibleRows = new FilteredList<>(rows);
        visibleRows.predicateProperty().bind(Bindings.createObjectBinding(
                () -> new EventFilter(kindFilter, sinkFilter.get(), textFilter.get()),
                kindFilter, sinkFilter, textFilter));
        paused.addListener((obs, was, now) -> {
            if (!now) {
                release();
            }
        });
    }

    /** Takes one drained batch of events, oldest first. */
    public void apply(List<BatchEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        alerts.record(events);
        List<EventRow> described = new ArrayList<>(events.size());
        long sequence = received.get();
        for (BatchEvent event : events) {
            EventRow row = describer.describe(++sequence, event);
            described.add(row);
            noteSinks(row);
            if (event instanceof BatchEvent.Missed m && m.count() > 0) {   // a remote server restarted: unknown (-1)
                missed.set(missed.get() + m.count());
            }
        }
        received.set(sequence);
        if (paused.get()) {
            hold(described);
        } else {
            rows.append(described);
        }
    }

    /**
     * The engine behind the window was closed and opened again (a training scenario's crash): a line
     * in the stream, where the events before and after it meet, and a pop-up at the next notice time.
     */
    public void engineRestarted(Instant at) {
        Messages messages = describer.formats().messages();
        long sequence = received.get() + 1;
        received.set(sequence);
        List<EventRow> line = List.of(new EventRow(sequence, at, EventKind.RECOVERY, Severity.WARNING, List.of(), "",
                () -> messages.text("events.engineRestarted")));
        if (paused.get()) {
            hold(line);
        } else {
            rows.append(line);
        }
        restartNotice = new Notice(Severity.WARNING, messages.text("notice.restart.title"),
                messages.text("notice.restart.text"));
    }

    /** Notices (dead batches, open breakers, a restart) whose time has come; call about once a second. */
    public List<Notice> dueNotices() {
        List<Notice> due = alerts.due();
        if (restartNotice == null) {
            return due;
        }
        List<Notice> all = new ArrayList<>(due);
        all.add(restartNotice);
        restartNotice = null;
        return all;
    }

    private void hold(List<EventRow> described) {
        newWhilePaused.set(newWhilePaused.get() + described.size());
        for (EventRow row : described) {
            if (held.size() == rows.capacity()) {
                held.removeFirst();     // would fall out of the ring on resume anyway
            }
            held.addLast(row);
        }
    }

    private void release() {
        rows.append(new ArrayList<>(held));
        held.clear();
        newWhilePaused.set(0);
    }

    private void noteSinks(EventRow row) {
        for (String sink : row.sinks()) {
            if (!knownSinks.contains(sink)) {
                int at = 0;
                while (at < knownSinks.size() && knownSinks.get(at).compareTo(sink) < 0) {
                    at++;
                }
                knownSinks.add(at, sink);
            }
        }
    }

    /** Shown rows, oldest first: the retained rows that pass the filter. */
    public ObservableList<EventRow> visibleRows() {
        return visibleRows;
    }

    /** Every retained row (at most the capacity), whatever the filter. */
    public int retainedCount() {
        return rows.size();
    }

    /** Sinks seen in any event so far, sorted, for the sink filter's choices. */
    public ObservableList<String> knownSinks() {
        return readOnlySinks;
    }

    /** Kinds to show; empty shows all. */
    public ObservableSet<EventKind> kindFilter() {
        return kindFilter;
    }

    /** Sink to show; empty shows all. */
    public StringProperty sinkFilterProperty() {
        return sinkFilter;
    }

    public StringProperty textFilterProperty() {
        return textFilter;
    }

    public BooleanProperty pausedProperty() {
        return paused;
    }

    public BooleanProperty autoScrollProperty() {
        return autoScroll;
    }

    /** Events that arrived since the stream was paused (including any that will not fit). */
    public ReadOnlyLongProperty newWhilePausedProperty() {
        return newWhilePaused.getReadOnlyProperty();
    }

    /** Events received in total. */
    public ReadOnlyLongProperty receivedProperty() {
        return received.getReadOnlyProperty();
    }

    /** Events the engine dropped because this subscriber fell behind. */
    public ReadOnlyLongProperty missedProperty() {
        return missed.getReadOnlyProperty();
    }

    /** The words, numbers and times the stream is shown with. */
    public Formats formats() {
        return describer.formats();
    }
}
