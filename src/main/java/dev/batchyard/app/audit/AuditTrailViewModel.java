package dev.batchyard.app.audit;

import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.console.AuditPage;
import dev.batchyard.console.AuditQuery;
import dev.batchyard.console.PageRequest;
import dev.batchyard.engine.AuditRecord;
import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.i18n.EngineTexts;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The audit view: the trail's records matching a filter (action, actor, batch id, how far back),
 * oldest first, read a page at a time through the console ({@link #loadMore()} reads the next), never
 * the whole trail. While the view is open, records written later are appended as they come: the
 * store's events mark the view stale and the next second's tick reads from where the last page ended
 * whatever the rate of events; the tick also reads every {@link #POLL} without events, since a line
 * is written just after the change its event announces, and a store another process writes sends no
 * events here. A filter change starts again from the first page; an answer to an older filter is
 * dropped. One read at a time: a filter typed while a read is under way (a filter that matches little
 * may scan a long trail) is read once that read ends, so ten keystrokes cost two reads, not ten.
 * UI thread only; reads and the export run on the {@link TaskExecutor}.
 */
public final class AuditTrailViewModel {
    /** Records per page. */
    public static final int PAGE = 200;
    /** How often an open view looks for new lines when no event said there are some. */
    public static final Duration POLL = Duration.ofSeconds(2);

    private final AuditSource source;
    private final TaskExecutor executor;
    private final Clock clock;
    private final EngineTexts texts;
    private final ObjectProperty<String> action = new SimpleObjectProperty<>();
    private final StringProperty actor = new SimpleStringProperty("");
    private final StringProperty batchId = new SimpleStringProperty("");
    private final ObjectProperty<AuditPeriod> period = new SimpleObjectProperty<>(AuditPeriod.ANY);
    private final ObservableList<AuditRecord> records = FXCollections.observableArrayList();
    private final ObservableList<AuditRecord> recordsView = FXCollections.unmodifiableObservableList(records);
    private final ReadOnlyBooleanWrapper more = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper reading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    private AuditQuery query = AuditQuery.all();
    private String cursor;
    private boolean atEnd;
    private boolean open;
    private boolean stale;
    /** A read is under way, for this filter or an older one. */
    private boolean inFlight;
    /** The filter changed while a read was under way: its first page is read when that read ends. */
    private boolean firstPageWanted;
    private Instant lastRead = Instant.MIN;
    private long generation;

    public AuditTrailViewModel(AuditSource source, TaskExecutor executor, Clock clock, EngineTexts texts) {
        this.source = source;
        this.executor = executor;
        this.clock = clock;
        this.texts = texts;
        action.addListener((o, was, is) -> filterChanged());
        actor.addListener((o, was, is) -> filterChanged());
        batchId.addListener((o, was, is) -> filterChanged());
        period.addListener((o, was, is) -> filterChanged());
    }

    /** The view was shown: reads the first page, and keeps up with new lines until {@link #close()}. */
    public void open() {
        open = true;
        reload();
    }

    /** The view was hidden: no more reads; an answer under way is dropped. */
    public void close() {
        open = false;
        generation++;
        firstPageWanted = false;
    }

    private void filterChanged() {
        if (open) {
            reload();
        }
    }

    /** Reads the first page of the filter as it is now. */
    public void reload() {
        generation++;
        query = currentQuery();
        records.clear();
        cursor = null;
        atEnd = false;
        more.set(false);
        if (inFlight) {
            firstPageWanted = true;
            reading.set(true);
        } else {
            read(PageRequest.first(PAGE));
        }
    }

    /** Reads the page after the last one shown, if there is one and no read is under way. */
    public void loadMore() {
        if (open && !atEnd && !reading.get()) {
            read(PageRequest.after(cursor, PAGE));
        }
    }

    /** One pulse's events: anything an action or a policy did may have written a line. */
    public void onEvents(List<BatchEvent> events) {
        if (events.stream().anyMatch(AuditTrailViewModel::mayBeAudited)) {
            stale = true;
        }
    }

    /** Once a second: reads the lines written since the last page, when told of some or when the poll is due. */
    public void tick(Instant now) {
        boolean due = stale || !now.isBefore(lastRead.plus(POLL));
        if (open && atEnd && !reading.get() && due) {
            stale = false;
            read(PageRequest.after(cursor, PAGE));
        }
    }

    private void read(PageRequest page) {
        long mine = generation;
        AuditQuery asked = query;
        inFlight = true;
        reading.set(true);
        lastRead = clock.instant();
        executor.submit(() -> source.audit(asked, page), answer -> {
            if (mine == generation) {
                apply(answer);
            }
            readEnded();
        }, failure -> {
            if (mine == generation) {
                problem.set(texts.failure(failure).oneLine());
            }
            readEnded();
        });
    }

    private void readEnded() {
        inFlight = false;
        reading.set(false);
        if (firstPageWanted) {
            firstPageWanted = false;
            read(PageRequest.first(PAGE));
        }
    }

    private void apply(AuditPage page) {
        records.addAll(page.records());
        cursor = page.nextCursor();
        atEnd = page.atEnd();
        more.set(!atEnd);
        problem.set("");
    }

    private AuditQuery currentQuery() {
        return new AuditQuery(period.get() == null ? null : period.get().since(clock.instant()), blankless(action.get()),
                blankless(actor.get()), blankless(batchId.get()));
    }

    private static String blankless(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Events that come with an audit line: operator actions and policies (the deliveries' do not). */
    private static boolean mayBeAudited(BatchEvent event) {
        return !(event instanceof BatchEvent.Persisted || event instanceof BatchEvent.DeliveryStarted
                || event instanceof BatchEvent.Delivered || event instanceof BatchEvent.DeliveryFailed
                || event instanceof BatchEvent.RecoveryPass || event instanceof BatchEvent.CleanupPass
                || event instanceof BatchEvent.SinkHealthChanged || event instanceof BatchEvent.Compacted);
    }

    /**
     * Writes every record the filter matches (not only the pages shown) to {@code file} as JSON
     * lines, in the background; {@code done} gets how many, {@code failed} why not in the operator's words.
     */
    public void export(Path file, Consumer<Integer> done, Consumer<String> failed) {
        AuditQuery asked = query;
        executor.submit(() -> AuditExport.write(source, asked, file), done,
                failure -> failed.accept(texts.failure(failure).oneLine()));
    }

    /** The records read so far, oldest first. */
    public ObservableList<AuditRecord> records() {
        return recordsView;
    }

    /** Whether the trail has records after the last page read (as it was when read). */
    public ReadOnlyBooleanProperty moreProperty() {
        return more.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty readingProperty() {
        return reading.getReadOnlyProperty();
    }

    /** Why the last read failed; empty once one succeeds. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Exactly this action ({@code discard}, {@code reroute}, ...); {@code null} or blank for all. */
    public ObjectProperty<String> actionProperty() {
        return action;
    }

    public StringProperty actorProperty() {
        return actor;
    }

    public StringProperty batchIdProperty() {
        return batchId;
    }

    public ObjectProperty<AuditPeriod> periodProperty() {
        return period;
    }
}
