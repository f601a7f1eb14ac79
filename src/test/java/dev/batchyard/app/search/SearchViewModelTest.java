package dev.batchyard.app.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.engine.BatchView;
import dev.batchyard.i18n.EngineTexts;
import dev.batchyard.i18n.Language;
import dev.batchyard.model.BatchState;
import dev.batchyard.model.LogEntry;
import dev.batchyard.search.SearchHit;
import dev.batchyard.search.SearchListener;
import dev.batchyard.search.SearchProgress;
import dev.batchyard.search.SearchRequest;
import dev.batchyard.search.SearchSummary;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/** The search window's state, without a window: hits coalesced onto the UI thread, stop, a refused query. */
class SearchViewModelTest {
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 12, 2, 8, 0, 0, 0, ZoneOffset.UTC);

    /** Background work runs when the test says; UI updates queue until the test drains them (as FX would). */
    private static final class SteppedExecutor implements TaskExecutor {
        final List<Runnable> background = new ArrayList<>();
        final List<Runnable> ui = new ArrayList<>();

        @Override
        public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
            background.add(() -> {
                T result;
                try {
                    result = work.call();
                } catch (Exception e) {
                    ui.add(() -> onFailure.accept(e));
                    return;
                }
                ui.add(() -> onSuccess.accept(result));
            });
        }

        @Override
        public void onUiThread(Runnable update) {
            ui.add(update);
        }

        void runBackground() {
            List<Runnable> now = new ArrayList<>(background);
            background.clear();
            now.forEach(Runnable::run);
        }

        void drainUi() {
            while (!ui.isEmpty()) {
                ui.remove(0).run();
            }
        }
    }

    private static SearchHit hit(String batch, int index) {
        BatchView v = new BatchView(batch, "loki", BatchState.PENDING, 10, 100, T0, null, 0, null, null, Map.of(),
                List.of());
        return new SearchHit(v, index, LogEntry.builder().message("timeout " + index).level("error").timestamp(T0).build());
    }

    /** A console search that finds {@code hits}, stopping when the listener says so. */
    private static SearchSummary finds(List<SearchHit> hits, SearchListener listener) {
        int given = 0;
        for (SearchHit h : hits) {
            given++;
            if (!listener.hit(h)) {
                return new SearchSummary(new SearchProgress(3, 1, 10, given, 1), SearchSummary.Ending.CANCELLED,
                        Duration.ofMillis(5), List.of(), 0);
            }
        }
        SearchProgress end = new SearchProgress(3, 3, 30, hits.size(), 2);
        listener.progress(end);
        return new SearchSummary(end, SearchSummary.Ending.COMPLETE, Duration.ofMillis(42), List.of(), 0);
    }

    private final SteppedExecutor executor = new SteppedExecutor();
    private final List<SearchRequest> asked = new ArrayList<>();

    private SearchViewModel inTest(List<SearchHit> hits) {
        return new SearchViewModel((request, listener) -> {
            asked.add(request);
            return finds(hits, listener);
        }, executor, new EngineTexts(Language.ENGLISH));
    }

    @Test
    void hitsThatArriveTogetherReachTheTableInOneChange() {
        SearchViewModel model = inTest(List.of(hit("a", 1), hit("a", 4), hit("b", 0)));
        List<Integer> changes = new ArrayList<>();
        model.hits().addListener((ListChangeListener<HitRow>) c -> changes.add(1));
        model.queryProperty().set("timeout");

        model.start();
        assertTrue(model.runningProperty().get());
        executor.runBackground();
        executor.drainUi();

        assertEquals(List.of("a#1", "a#4", "b#0"), model.hits().stream().map(r -> r.batchId() + "#" + r.entryIndex())
                .toList());
        assertEquals(1, changes.size(), "one hand-over for the burst, not one per hit");
        assertEquals(2, model.batchesWithHitsProperty().get());
        assertEquals(List.of("a", "b"), List.copyOf(model.batchesWithHits()));
        assertFalse(model.runningProperty().get());
        assertEquals(SearchSummary.Ending.COMPLETE, model.summaryProperty().get().ending());
        assertEquals(3, model.progressProperty().get().batchesScanned());
        assertEquals(SearchViewModel.MAX_HITS, asked.get(0).limit());
    }

    @Test
    void aQueryThatCannotBeReadIsSaidAndNothingRuns() {
        SearchViewModel model = inTest(List.of(hit("a", 1)));
        model.queryProperty().set("level:\"error");

        model.start();

        assertTrue(model.problemProperty().get().contains("column 7"), model.problemProperty().get());
        assertTrue(executor.background.isEmpty());
        assertFalse(model.runningProperty().get());
    }

    @Test
    void stopKeepsWhatWasShownAndAddsNothingAfter() {
        SearchViewModel model = inTest(List.of(hit("a", 1), hit("a", 2), hit("b", 3)));
        model.queryProperty().set("timeout");
        model.start();

        model.cancel();
        executor.runBackground();
        executor.drainUi();

        assertEquals(List.of(), model.hits(), "stopped before any hand-over: nothing is added after");
        assertFalse(model.runningProperty().get());
        assertNull(model.summaryProperty().get());
    }

    @Test
    void aNewSearchReplacesTheHitsOfTheLast() {
        SearchViewModel model = inTest(List.of(hit("a", 1)));
        model.queryProperty().set("timeout");
        model.start();
        executor.runBackground();
        executor.drainUi();

        model.queryProperty().set("error");
        model.start();

        assertEquals(List.of(), model.hits());
        assertEquals(Set.of(), model.batchesWithHits());
        executor.runBackground();
        executor.drainUi();
        assertEquals(1, model.hits().size());
    }

    @Test
    void aFailedSearchSaysWhyInOneLine() {
        SearchViewModel model = new SearchViewModel((r, l) -> {
            throw new dev.batchyard.engine.store.StoreException("the store at /data is closed");
        }, executor, new EngineTexts(Language.ENGLISH));
        model.queryProperty().set("timeout");

        model.start();
        executor.runBackground();
        executor.drainUi();

        assertTrue(model.problemProperty().get().contains("closed"), model.problemProperty().get());
        assertFalse(model.runningProperty().get());
    }
}
