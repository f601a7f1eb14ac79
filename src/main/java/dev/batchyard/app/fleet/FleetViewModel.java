package dev.batchyard.app.fleet;

import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.Messages;
import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.app.connections.ConnectionWindows;
import dev.batchyard.connections.Connection;
import dev.batchyard.connections.RemoteConnection;
import dev.batchyard.i18n.FailureText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The fleet view's state: one row per connection (the saved ones and the stores open in this
 * process, as its supplier lists them), each with what its store said at the last poll.
 * <ul>
 *   <li><b>Polling</b> runs while the view is shown, every {@link #POLL} by default, driven by the
 *       window's second tick: the list of connections is read on the app's executor (it may read a
 *       file), then each connection is probed on a thread of its own ({@link FleetPoller}), each with
 *       its own timeout; answers reach this class on the UI thread together.</li>
 *   <li><b>A row</b> is replaced whole at each answer ({@link FleetRow} is immutable); its sparkline
 *       takes a sample at each answer that read the store.</li>
 * </ul>
 * Not thread-safe: UI thread only (or one test thread).
 */
public final class FleetViewModel implements AutoCloseable {
    /** How often the fleet is polled while shown. */
    public static final Duration POLL = Duration.ofSeconds(5);
    /** How long one probe may take before its row says the store does not answer. */
    public static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

    private final Supplier<List<Connection>> connections;
    private final FleetPoller poller;
    private final ConnectionWindows windows;
    private final TaskExecutor tasks;
    private final Clock clock;
    private final Duration poll;
    private final Formats formats;
    private final Messages messages;
    private final ObservableList<FleetRow> rows = FXCollections.observableArrayList();
    private final ObservableList<FleetRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyObjectWrapper<Instant> lastPoll = new ReadOnlyObjectWrapper<>(this, "lastPoll");
    private boolean shown;
    private boolean listing;

    /**
     * @param connections the connections to show, in order (called off the UI thread at each poll)
     * @param windows     opens a row's connection in a window (Enter, double click)
     */
    public FleetViewModel(Supplier<List<Connection>> connections, ConnectionProbe probe, ProbeThreads threads,
                          ConnectionWindows windows, TaskExecutor tasks, Clock clock, Duration poll, Duration timeout,
                          Formats formats) {
        this.connections = connections;
        this.windows = windows;
        this.tasks = tasks;
        this.clock = clock;
        this.poll = poll;
        this.formats = formats;
        this.messages = formats.messages();
        this.poller = new FleetPoller(probe, threads, tasks, clock, timeout, this::apply);
    }

    /** The view is shown: poll now, then every {@link #POLL}. */
    public void open() {
        shown = true;
        lastPoll.set(null);
        tick(clock.instant());
    }

    /** The view was closed: polling stops and the consoles kept for probing are closed. */
    public void hide() {
        shown = false;
        poller.stop();
    }

    /** The window's second tick: probes running too long are answered, and a poll starts when due. */
    public void tick(Instant now) {
        if (!shown) {
            return;
        }
        poller.expire(now);
        if (!listing && (lastPoll.get() == null || !now.isBefore(lastPoll.get().plus(poll)))) {
            lastPoll.set(now);
            listing = true;
            tasks.submit(connections::get, this::listed, this::listFailed);
        }
    }

    private void listed(List<Connection> listedNow) {
        listing = false;
        problem.set("");
        Set<Connection> wanted = new LinkedHashSet<>(listedNow);
        rows.removeIf(row -> {
            boolean gone = !wanted.contains(row.connection());
            if (gone) {
                poller.forget(row.connection());
            }
            return gone;
        });
        Set<Connection> shownNow = new LinkedHashSet<>();
        rows.forEach(r -> shownNow.add(r.connection()));
        wanted.stream().filter(c -> !shownNow.contains(c)).map(FleetRow::waiting).forEach(rows::add);
        if (shown) {
            poller.probe(List.copyOf(wanted));
        }
    }

    private void listFailed(Throwable cause) {
        listing = false;
        problem.set(messages.format("fleet.listFailed", messages.engineTexts().failure(cause).oneLine()));
    }

    private void apply(List<FleetPoller.Answer> answers) {
        for (FleetPoller.Answer answer : answers) {
            int i = indexOf(answer.connection());
            if (i >= 0) {
                rows.set(i, next(rows.get(i), answer));
            }
        }
    }

    private FleetRow next(FleetRow row, FleetPoller.Answer answer) {
        ProbeOutcome outcome = answer.outcome();
        if (outcome instanceof ProbeOutcome.Read read) {
            return row.read(Figures.of(read.stats(), read.sinks(), answer.at()), answer.at());
        }
        if (outcome instanceof ProbeOutcome.Unreachable unreachable) {
            // the detail names the server and what went wrong; the headline alone ("the store reported a problem") does not
            FailureText why = messages.engineTexts().failure(unreachable.cause());
            return row.disconnected(withoutRoute(why.detail().isEmpty() ? why.headline() : why.detail(), row.connection()));
        }
        if (outcome instanceof ProbeOutcome.TimedOut timedOut) {
            return row.disconnected(messages.format("fleet.timedOut", formats.elapsed(timedOut.limit())));
        }
        return row.notOpen();
    }

    /**
     * {@code reason} without the request it starts with when that is the connection's own address
     * ({@code GET https://host:7431/api/v1/store: }): the row names the connection, and its cell has
     * room for what went wrong, not for the route.
     */
    static String withoutRoute(String reason, Connection connection) {
        if (connection instanceof RemoteConnection remote) {
            Matcher m = Pattern.compile("^[A-Z]+ " + Pattern.quote(remote.url().toString()) + "\\S*: ").matcher(reason);
            if (m.find() && m.end() < reason.length()) {
                return reason.substring(m.end());
            }
        }
        return reason;
    }

    private int indexOf(Connection connection) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).connection().equals(connection)) {
                return i;
            }
        }
        return -1;
    }

    /** Opens {@code row}'s connection in a window (or brings its window to the front). */
    public void openConnection(FleetRow row) {
        if (row != null) {
            windows.open(row.connection());
        }
    }

    /** One row per connection, in the order listed (the view sorts its own copy). */
    public ObservableList<FleetRow> rows() {
        return rowsView;
    }

    /** Why the connections could not be listed at the last poll; empty when they could. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** When the last poll started; {@code null} before the first. */
    public ReadOnlyObjectProperty<Instant> lastPollProperty() {
        return lastPoll.getReadOnlyProperty();
    }

    public Duration pollInterval() {
        return poll;
    }

    /** The window is closing: probing stops for good. */
    @Override
    public void close() {
        shown = false;
        poller.close();
    }
}
