package dev.batchyard.app.search;

import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.engine.BatchQuery;
import dev.batchyard.i18n.EngineTexts;
import dev.batchyard.model.LogEntry;
import dev.batchyard.search.EntryQuery;
import dev.batchyard.search.EntryQueryException;
import dev.batchyard.search.SearchHit;
import dev.batchyard.search.SearchListener;
import dev.batchyard.search.SearchProgress;
import dev.batchyard.search.SearchRequest;
import dev.batchyard.search.SearchSummary;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The search window's state: the query, whether its words are regular expressions, the hits as they
 * arrive, how far the scan has come, and why a query was refused. The scan runs on the background
 * executor through the console; hits reach the UI thread coalesced (one hand-over per burst, not
 * one per hit), so thousands of hits a second leave the window smooth. One search at a time: a new
 * one cancels the one under way. At most {@link #MAX_HITS} hits are kept.
 */
public final class SearchViewModel {
    public static final int MAX_HITS = 10_000;
    private static final int MESSAGE_CHARS = 500;

    private final BiFunction<SearchRequest, SearchListener, SearchSummary> search;
    private final TaskExecutor executor;
    private final EngineTexts texts;
    private final StringProperty query = new SimpleStringProperty("");
    private final BooleanProperty regex = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<SearchProgress> progress = new ReadOnlyObjectWrapper<>(SearchProgress.NONE);
    private final ReadOnlyObjectWrapper<SearchSummary> summary = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper batchesWithHits = new ReadOnlyIntegerWrapper();
    private final ObservableList<HitRow> hits = FXCollections.observableArrayList();
    private final Set<String> hitBatches = new LinkedHashSet<>();
    private Run current;

    /** @param search the console's {@code search} */
    public SearchViewModel(BiFunction<SearchRequest, SearchListener, SearchSummary> search, TaskExecutor executor,
                           EngineTexts texts) {
        this.search = search;
        this.executor = executor;
        this.texts = texts;
    }

    /** Starts searching for {@link #queryProperty()}; a query that cannot be read is said, and nothing runs. */
    public void start() {
        cancel();
        problem.set("");
        try {
            EntryQuery.parse(query.get(), regex.get());
        } catch (EntryQueryException e) {
            problem.set(e.getMessage());
            return;
        }
        hits.clear();
        hitBatches.clear();
        batchesWithHits.set(0);
        summary.set(null);
        progress.set(SearchProgress.NONE);
        Run run = new Run();
        current = run;
        running.set(true);
        SearchRequest request = new SearchRequest(query.get(), regex.get(), BatchQuery.all(), MAX_HITS);
        executor.submit(() -> search.apply(request, run), done -> {
            run.drain();
            if (current == run) {
                summary.set(done);
                progress.set(done.progress());
                running.set(false);
            }
        }, failure -> {
            if (current == run) {
                problem.set(texts.failure(failure).oneLine());
                running.set(false);
            }
        });
    }

    /** Stops the search under way, keeping the hits found so far. */
    public void cancel() {
        if (current != null) {
            current.cancelled.set(true);
            current = null;
            running.set(false);
        }
    }

    /** The ids of the batches with hits, in the order they were found. */
    public Set<String> batchesWithHits() {
        return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(hitBatches));
    }

    public StringProperty queryProperty() {
        return query;
    }

    public BooleanProperty regexProperty() {
        return regex;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SearchProgress> progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** How the last search ended; {@code null} while one runs or before the first. */
    public ReadOnlyObjectProperty<SearchSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Why the query was refused or the search failed; empty otherwise. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty batchesWithHitsProperty() {
        return batchesWithHits.getReadOnlyProperty();
    }

    public ObservableList<HitRow> hits() {
        return hits;
    }

    private static HitRow row(SearchHit hit) {
        LogEntry e = hit.entry();
        String message = e.message() == null ? "" : e.message();
        if (message.length() > MESSAGE_CHARS) {
            message = message.substring(0, MESSAGE_CHARS) + "…";
        }
        return new HitRow(hit.batch().id(), hit.batch().sink(), hit.batch().state(), hit.entryIndex(), e.timestamp(),
                e.level() == null ? "" : e.level(), message);
    }

    /**
     * One search's hand-over from the scanning thread to the UI thread: hits queue up, and one drain
     * is asked for at a time, however many arrive before it runs.
     */
    private final class Run implements SearchListener {
        final AtomicBoolean cancelled = new AtomicBoolean();
        final Queue<HitRow> arrived = new ConcurrentLinkedQueue<>();
        final AtomicReference<SearchProgress> lastProgress = new AtomicReference<>();
        final AtomicBoolean drainAsked = new AtomicBoolean();

        @Override
        public boolean hit(SearchHit hit) {
            arrived.add(row(hit));
            askDrain();
            return !cancelled.get();
        }

        @Override
        public boolean progress(SearchProgress p) {
            lastProgress.set(p);
            askDrain();
            return !cancelled.get();
        }

        private void askDrain() {
            if (drainAsked.compareAndSet(false, true)) {
                executor.onUiThread(this::drain);
            }
        }

        /** On the UI thread: everything that arrived since the last drain, in one change of the list. */
        void drain() {
            drainAsked.set(false);
            if (current != this) {
                return; // cancelled or replaced: what was shown stays, nothing more is added
            }
            List<HitRow> batch = new ArrayList<>();
            for (HitRow r; (r = arrived.poll()) != null; ) {
                batch.add(r);
            }
            if (!batch.isEmpty()) {
                batch.forEach(r -> hitBatches.add(r.batchId()));
                hits.addAll(batch);
                batchesWithHits.set(hitBatches.size());
            }
            SearchProgress p = lastProgress.get();
            if (p != null) {
                progress.set(p);
            }
        }
    }
}
