package dev.batchyard.app.batches;

import static dev.batchyard.app.batches.Batches.T0;
import static dev.batchyard.app.batches.Batches.failing;
import static dev.batchyard.app.batches.Batches.pending;
import static dev.batchyard.app.batches.Batches.view;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.common.CurrentThreadTaskExecutor;
import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.console.BatchOrder;
import dev.batchyard.console.BatchPage;
import dev.batchyard.engine.BatchQuery;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.MutableClock;
import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.store.StoreException;
import dev.batchyard.i18n.EngineTexts;
import dev.batchyard.i18n.Language;
import dev.batchyard.model.BatchState;
import dev.batchyard.model.DamageKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BatchTableViewModelTest {
    private final MutableClock clock = new MutableClock(T0.plusSeconds(120));
    private final InMemoryBatchSource store = new InMemoryBatchSource(clock);
    private BatchTableViewModel inTest;

    @BeforeEach
    void openOnAStoreOfFourBatches() {
        store.put(pending("b-1", "loki"),
                failing("b-2", "loki", 3, "dial tcp 10.0.0.5:3100: connection refused"),
                failing("b-3", "elasticsearch", 7, "bulk request failed: 503 Service Unavailable"),
                view("b-4", "splunk", BatchState.DEAD, 10, "HEC token rejected", T0.minus(Duration.ofHours(2))));
        inTest = new BatchTableViewModel(store, new CurrentThreadTaskExecutor(), clock, new EngineTexts(Language.ENGLISH));
        inTest.refresh();
    }

    private Set<String> shownIds() {
        return inTest.visibleRows().stream().filter(Objects::nonNull).map(BatchView::id)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private List<String> shownInOrder() {
        return inTest.visibleRows().stream().map(v -> v == null ? null : v.id()).toList();
    }

    /** A store of {@code n} batches b-000000.. of one sink, oldest first. */
    private static InMemoryBatchSource large(MutableClock clock, int n) {
        InMemoryBatchSource large = new InMemoryBatchSource(clock);
        for (int i = 0; i < n; i++) {
            large.put(view("b-%06d".formatted(i), "loki", BatchState.PENDING, i % 7, "", T0.plusMillis(i)));
        }
        return large;
    }

    @Test
    void refreshShowsEveryStoredBatch() {
        assertEquals(Set.of("b-1", "b-2", "b-3", "b-4"), shownIds());
        assertEquals(4, inTest.totalProperty().get());
        assertEquals(List.of("elasticsearch", "loki", "splunk"), inTest.sinks());
    }

    @Test
    void textFilterMatchesTheIdOrTheFailureReasonIgnoringCase() {
        inTest.textProperty().set("SERVICE unavailable");
        assertEquals(Set.of("b-3"), shownIds());

        inTest.textProperty().set("b-1");
        assertEquals(Set.of("b-1"), shownIds());
        assertEquals(4, inTest.totalProperty().get(), "the store's count, asked beside the filtered page");
    }

    @Test
    void sinkStateAndRetryFiltersCombine() {
        inTest.sinkProperty().set("loki");
        assertEquals(Set.of("b-1", "b-2"), shownIds());

        inTest.stateProperty().set(BatchState.RETRY_WAIT);
        inTest.minRetriesProperty().set(3);
        assertEquals(Set.of("b-2"), shownIds());

        inTest.minRetriesProperty().set(4);
        assertEquals(Set.of(), shownIds());
        assertEquals(0, inTest.shownProperty().get());
        assertEquals(BatchQuery.all().withSinks("loki").withStates(BatchState.RETRY_WAIT).withMinRetries(4),
                inTest.query(), "every control of the filter bar is a criterion of the store's query");
    }

    @Test
    void ageFilterHidesBatchesYoungerThanTheChoice() {
        inTest.ageProperty().set(AgeFilter.OLDER_THAN_1_HOUR);

        assertEquals(Set.of("b-4"), shownIds());
    }

    @Test
    void ageFilterLetsBatchesInAsTheyGrowOld() {
        inTest.ageProperty().set(AgeFilter.OLDER_THAN_10_MINUTES);
        assertEquals(Set.of("b-4"), shownIds());

        clock.advance(Duration.ofMinutes(11));
        inTest.tick(clock.instant());

        assertEquals(Set.of("b-1", "b-2", "b-3", "b-4"), shownIds());
    }

    @Test
    void clearFilterShowsEveryBatchAgain() {
        inTest.textProperty().set("nothing like this");
        inTest.sinkProperty().set("splunk");

        inTest.clearFilter();

        assertEquals(4, inTest.shownProperty().get());
    }

    @Test
    void theOrderIsTheStoresAndEveryFieldDescendingIsTheReverse() {
        inTest.orderProperty().set(new BatchOrder(BatchOrder.Field.RETRIES, BatchOrder.Direction.DESCENDING));
        assertEquals(List.of("b-4", "b-3", "b-2", "b-1"), shownInOrder());

        inTest.orderProperty().set(new BatchOrder(BatchOrder.Field.SINK, BatchOrder.Direction.ASCENDING));
        assertEquals(List.of("b-3", "b-1", "b-2", "b-4"), shownInOrder());
    }

    @Test
    void eventsOfOnePulseCostOneReadOfTheRowsOnScreen() {
        List<BatchEvent> pulse = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            String id = "b-" + (1 + i % 3);
            pulse.add(new BatchEvent.DeliveryFailed(T0, id, "loki", "timeout", i, T0.plusSeconds(5)));
        }
        int pagesBefore = store.pages;

        inTest.onEvents(pulse);

        assertEquals(1, store.pages - pagesBefore);
    }

    @Test
    void roundsOfEventsAreSpacedByTheInterval() {
        BatchTableViewModel spaced = new BatchTableViewModel(store, new CurrentThreadTaskExecutor(), clock,
                Duration.ofMillis(250), new EngineTexts(Language.ENGLISH));
        spaced.refresh();
        int pagesBefore = store.pages;
        BatchEvent failed = new BatchEvent.DeliveryFailed(T0, "b-1", "loki", "timeout", 1, T0.plusSeconds(5));

        for (int pulse = 0; pulse < 60; pulse++) { // a second of pulses, each with events
            spaced.onEvents(List.of(failed));
            spaced.pulse();
            clock.advance(Duration.ofMillis(1000 / 60));
        }

        int reads = store.pages - pagesBefore;
        assertTrue(reads >= 3 && reads <= 4, "at most four rounds a second, not one a pulse: " + reads);
    }

    @Test
    void anEventAfterAQuietSpellIsReadAtOnceTheIntervalCountingFromTheLastReadsStart() {
        BatchTableViewModel spaced = new BatchTableViewModel(store, new CurrentThreadTaskExecutor(), clock,
                Duration.ofMillis(250), new EngineTexts(Language.ENGLISH));
        store.onPage = () -> clock.advance(Duration.ofMillis(100)); // each read takes 100 ms
        spaced.refresh(); // started at 0, done at 100: the next round may start at 250 (not 100 + 250)
        clock.advance(Duration.ofMillis(160)); // 260 ms after the read started
        store.put(pending("b-5", "kafka"));
        int pagesBefore = store.pages;

        spaced.onEvents(List.of(new BatchEvent.Persisted(T0, "b-5", "kafka", 10, 1_000)));

        assertEquals(1, store.pages - pagesBefore, "read at once, not held until 350 ms");
        assertTrue(spaced.visibleRows().stream().anyMatch(v -> v != null && v.id().equals("b-5")));
    }

    @Test
    void aSlowReadIsFollowedByAPauseAsLongAsItself() {
        BatchTableViewModel spaced = new BatchTableViewModel(store, new CurrentThreadTaskExecutor(), clock,
                Duration.ofMillis(250), new EngineTexts(Language.ENGLISH));
        store.onPage = () -> clock.advance(Duration.ofMillis(400)); // a slow store: 400 ms a read
        spaced.refresh(); // 0 to 400: the next round no sooner than 800
        BatchEvent failed = new BatchEvent.DeliveryFailed(T0, "b-1", "loki", "timeout", 1, T0.plusSeconds(5));
        clock.advance(Duration.ofMillis(350)); // at 750
        int pagesBefore = store.pages;

        spaced.onEvents(List.of(failed));
        int heldBack = store.pages - pagesBefore;
        clock.advance(Duration.ofMillis(60)); // at 810
        spaced.pulse();

        assertEquals(0, heldBack, "the store is read at most half the time");
        assertEquals(1, store.pages - pagesBefore);
    }

    @Test
    void aChangedBatchShowsItsNewMetadata() {
        store.put(failing("b-1", "loki", 1, "read timeout after 30s"));

        inTest.onEvents(List.of(new BatchEvent.DeliveryFailed(T0, "b-1", "loki", "read timeout after 30s", 1,
                T0.plusSeconds(2))));

        BatchView shown = inTest.visibleRows().stream().filter(v -> v.id().equals("b-1")).findFirst().orElseThrow();
        assertEquals(BatchState.RETRY_WAIT, shown.state());
        assertEquals("read timeout after 30s", shown.failureReason());
    }

    @Test
    void aBatchSetAsideForDamageLeavesTheTable() {
        store.remove("b-3");

        inTest.onEvents(List.of(new BatchEvent.CorruptionFound(T0, DamageKind.BATCH_QUARANTINED,
                "/s/segments/00000000000000000003.seg", 16, "record of batch 'b-3' fails its checksum",
                "batch set aside, not sent", List.of("b-3"))));

        assertEquals(Set.of("b-1", "b-2", "b-4"), shownIds());
    }

    @Test
    void aDeliveredBatchLeavesTheTableAndTheCounts() {
        store.remove("b-2");

        inTest.onEvents(List.of(new BatchEvent.Delivered(T0, "b-2", "loki", Duration.ofMillis(40))));

        assertEquals(Set.of("b-1", "b-3", "b-4"), shownIds());
        assertEquals(3, inTest.totalProperty().get());
        assertEquals(3, inTest.shownProperty().get());
    }

    @Test
    void aPersistedBatchAppearsAndItsSinkJoinsTheSinkChoices() {
        store.put(pending("b-5", "kafka"));

        inTest.onEvents(List.of(new BatchEvent.Persisted(T0, "b-5", "kafka", 10, 1_000)));

        assertEquals(Set.of("b-1", "b-2", "b-3", "b-4", "b-5"), shownIds());
        assertEquals(List.of("elasticsearch", "kafka", "loki", "splunk"), inTest.sinks());
    }

    @Test
    void missedEventsReadTheRowsAndCountsAgain() {
        store.put(pending("b-9", "loki"));
        inTest.textProperty().set("b-");
        int countsBefore = store.counts;

        inTest.onEvents(List.of(new BatchEvent.Missed(T0, 12_000)));

        assertEquals(countsBefore + 1, store.counts);
        assertEquals(5, inTest.totalProperty().get());
    }

    @Test
    void aFilteredBatchThatChangesToMatchAppears() {
        inTest.stateProperty().set(BatchState.DEAD);
        store.put(view("b-2", "loki", BatchState.DEAD, 10, "gave up", T0));

        inTest.onEvents(List.of(new BatchEvent.DeadLettered(T0, "b-2", "loki", "gave up", 10)));

        assertEquals(Set.of("b-2", "b-4"), shownIds());
    }

    @Test
    void aLargeStoreIsReadAsTheRowsOnScreenPlusAMarginNeverWhole() {
        InMemoryBatchSource large = large(clock, 50_000);
        BatchTableViewModel table = new BatchTableViewModel(large, new CurrentThreadTaskExecutor(), clock,
                new EngineTexts(Language.ENGLISH));
        table.refresh();

        assertEquals(50_000, table.visibleRows().size(), "the scrollbar is the store's");
        assertEquals("b-000000", table.visibleRows().get(0).id());
        assertNull(table.visibleRows().get(40_000), "a row not read yet");
        assertTrue(large.lastLimit <= 1 + 3 * BatchTableViewModel.MARGIN, "one page: " + large.lastLimit);

        table.showing(40_000, 40_030);

        assertEquals("b-040000", table.visibleRows().get(40_000).id());
        assertEquals("b-040030", table.visibleRows().get(40_030).id());
        assertNull(table.visibleRows().get(0), "the rows read before are let go");
        assertEquals(40_000 - BatchTableViewModel.MARGIN, large.lastOffset);
        assertEquals(31 + 2 * BatchTableViewModel.MARGIN, large.lastLimit);
    }

    @Test
    void aNewFilterWhileScrolledDeepIsReadFromItsTopInOneRead() {
        InMemoryBatchSource large = large(clock, 10_000);
        BatchTableViewModel table = new BatchTableViewModel(large, new CurrentThreadTaskExecutor(), clock,
                new EngineTexts(Language.ENGLISH));
        table.refresh();
        table.showing(8_000, 8_030);
        int questions = table.questionsProperty().get();
        int pages = large.pages;

        table.textProperty().set("b-0012"); // b-001200..b-001299

        assertEquals(1, large.pages - pages, "one read, from the top, not one where the table was");
        assertEquals(0, large.lastOffset);
        assertEquals(100, table.visibleRows().size());
        assertEquals("b-001200", table.visibleRows().get(0).id());
        assertEquals("b-001299", table.visibleRows().get(99).id());
        assertEquals(questions + 1, table.questionsProperty().get(), "the view is told to show the top");

        table.showing(0, 30); // the view, at its top, reports what it shows: read already
        assertEquals(1, large.pages - pages);
    }

    @Test
    void aScrollWithinTheRowsReadReadsNothing() {
        InMemoryBatchSource large = large(clock, 10_000);
        BatchTableViewModel table = new BatchTableViewModel(large, new CurrentThreadTaskExecutor(), clock,
                new EngineTexts(Language.ENGLISH));
        table.refresh();
        int pages = large.pages;

        table.showing(10, 40);
        table.showing(20, 50);

        assertEquals(pages, large.pages);
    }

    @Test
    void aRowNotReadYetNeverWaitsForTheStore() {
        InMemoryBatchSource large = large(clock, 10_000);
        HeldExecutor held = new HeldExecutor();
        BatchTableViewModel table = new BatchTableViewModel(large, held, clock, new EngineTexts(Language.ENGLISH));
        table.refresh();
        held.runAll();

        table.showing(5_000, 5_030);
        table.showing(8_000, 8_030); // a second scroll while the first read is out

        assertNull(table.visibleRows().get(5_000), "a placeholder until the read lands");
        assertEquals(1, held.waiting(), "one read in flight at a time");
        held.runAll();
        assertEquals("b-008000", table.visibleRows().get(8_000).id(), "then the rows on screen now are read");
    }

    @Test
    void aReadAskedBeforeANewFilterIsDroppedWhenItLands() {
        HeldExecutor held = new HeldExecutor();
        BatchTableViewModel table = new BatchTableViewModel(store, held, clock, new EngineTexts(Language.ENGLISH));
        table.refresh();

        table.sinkProperty().set("splunk");
        held.runAll();

        assertEquals(List.of("b-4"), table.visibleRows().stream().map(BatchView::id).toList());
    }

    @Test
    void selectingByIdReadsTheBatchesWhetherOnScreenOrNot() {
        inTest.sinkProperty().set("splunk");

        inTest.select(List.of("b-2", "gone", "b-4"));

        assertEquals(List.of("b-2", "b-4"), inTest.selection().stream().map(BatchView::id).toList());
    }

    /** A store that fails every read with {@code failure}. */
    private BatchTableViewModel failingInPortuguese(RuntimeException failure, BatchSource healthy) {
        boolean[] healthyFirst = {healthy != null};
        BatchSource reader = new BatchSource() {
            @Override
            public BatchPage page(BatchQuery query, BatchOrder order, int offset, int limit) {
                if (healthyFirst[0]) {
                    healthyFirst[0] = false;
                    return healthy.page(query, order, offset, limit);
                }
                throw failure;
            }

            @Override
            public List<BatchView> find(Collection<String> ids) {
                throw failure;
            }

            @Override
            public Set<String> sinks() {
                return Set.of();
            }

            @Override
            public Stream<BatchView> each(BatchQuery query) {
                throw failure;
            }
        };
        return new BatchTableViewModel(reader, new CurrentThreadTaskExecutor(), clock,
                new EngineTexts(Language.BRAZILIAN_PORTUGUESE));
    }

    @Test
    void aFailedReadIsSaidInTheOperatorsLanguageWithTheEnglishDetailAfterIt() {
        BatchTableViewModel inTest = failingInPortuguese(
                new StoreException("segment 00000003.seg: record at offset 4096 cannot be read"), null);

        inTest.refresh();

        assertEquals("O armazenamento relatou um problema. segment 00000003.seg: record at offset 4096 cannot be read",
                inTest.loadErrorProperty().get());
        assertFalse(inTest.loadingProperty().get());
    }

    @Test
    void aFailedReadOfChangedRowsIsSaidInTheOperatorsLanguageToo() {
        BatchTableViewModel inTest = failingInPortuguese(new UncheckedIOException(
                new IOException("/srv/store/segments/00000003.seg: Input/output error")), store);
        inTest.refresh();

        inTest.onEvents(List.of(new BatchEvent.DeliveryFailed(T0, "b-1", "loki", "read timeout after 30s", 1,
                T0.plusSeconds(2))));

        assertEquals("Não foi possível ler ou gravar um arquivo. java.io.IOException: "
                + "/srv/store/segments/00000003.seg: Input/output error", inTest.loadErrorProperty().get());
        assertEquals(Set.of("b-1", "b-2", "b-3", "b-4"), inTest.visibleRows().stream().map(BatchView::id)
                .collect(Collectors.toSet()), "the rows read stay");
    }

    /** Runs what is submitted only when told, as a background thread would later. */
    private static final class HeldExecutor implements TaskExecutor {
        private final List<Runnable> waiting = new ArrayList<>();

        @Override
        public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
            waiting.add(() -> new CurrentThreadTaskExecutor().submit(work, onSuccess, onFailure));
        }

        @Override
        public void onUiThread(Runnable update) {
            waiting.add(update);
        }

        int waiting() {
            return waiting.size();
        }

        void runAll() {
            while (!waiting.isEmpty()) {
                waiting.remove(0).run();
            }
        }
    }
}
