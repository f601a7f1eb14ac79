package dev.batchyard.app.batches;

import static dev.batchyard.app.batches.Batches.T0;
import static dev.batchyard.app.batches.Batches.failing;
import static dev.batchyard.app.batches.Batches.pending;
import static dev.batchyard.app.batches.Batches.view;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.batchyard.app.common.CurrentThreadTaskExecutor;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.store.StoreException;
import dev.batchyard.i18n.EngineTexts;
import dev.batchyard.i18n.Language;
import dev.batchyard.model.BatchState;
import dev.batchyard.model.DamageKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BatchTableViewModelTest {
    private final InMemoryBatchReader store = new InMemoryBatchReader();
    private BatchTableViewModel inTest;

    @BeforeEach
    void openOnAStoreOfFourBatches() {
        store.put(pending("b-1", "loki"),
                failing("b-2", "loki", 3, "dial tcp 10.0.0.5:3100: connection refused"),
                failing("b-3", "elasticsearch", 7, "bulk request failed: 503 Service Unavailable"),
                view("b-4", "splunk", BatchState.DEAD, 10, "HEC token rejected", T0.minus(Duration.ofHours(2))));
        inTest = new BatchTableViewModel(store, new CurrentThreadTaskExecutor(),
                Clock.fixed(T0.plusSeconds(120), ZoneOffset.UTC), new EngineTexts(Language.ENGLISH));
        inTest.refresh();
    }

    private Set<String> shownIds() {
        return inTest.visibleRows().stream().map(BatchView::id).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void refreshShowsEveryStoredBatch() {
        assertEquals(Set.of("b-1", "b-2", "b-3", "b-4"), shownIds());
        assertEquals(4, inTest.totalProperty().get());
    }

    @Test
    void textFilterMatchesTheIdOrTheFailureReasonIgnoringCase() {
        inTest.textProperty().set("SERVICE unavailable");
        assertEquals(Set.of("b-3"), shownIds());

        inTest.textProperty().set("b-1");
        assertEquals(Set.of("b-1"), shownIds());
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

        inTest.tick(T0.plus(Duration.ofMinutes(11)));

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
    void eventsOfOnePulseRereadEachChangedBatchOnce() {
        List<BatchEvent> pulse = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            String id = "b-" + (1 + i % 3);
            pulse.add(new BatchEvent.DeliveryFailed(T0, id, "loki", "timeout", i, T0.plusSeconds(5)));
        }
        int findsBefore = store.finds;

        inTest.onEvents(pulse);

        assertEquals(3, store.finds - findsBefore);
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
    void aDeliveredBatchLeavesTheTableWithoutARead() {
        store.remove("b-2");
        int findsBefore = store.finds;

        inTest.onEvents(List.of(new BatchEvent.Delivered(T0, "b-2", "loki", Duration.ofMillis(40))));

        assertEquals(Set.of("b-1", "b-3", "b-4"), shownIds());
        assertEquals(findsBefore, store.finds);
    }

    @Test
    void aPersistedBatchAppearsAndItsSinkJoinsTheSinkChoices() {
        store.put(pending("b-5", "kafka"));

        inTest.onEvents(List.of(new BatchEvent.Persisted(T0, "b-5", "kafka", 10, 1_000)));

        assertEquals(Set.of("b-1", "b-2", "b-3", "b-4", "b-5"), shownIds());
        assertEquals(List.of("elasticsearch", "kafka", "loki", "splunk"), inTest.sinks());
    }

    @Test
    void aBatchThatIsGoneWhenRereadLeavesTheTable() {
        store.remove("b-3");

        inTest.onEvents(List.of(new BatchEvent.Rerouted(T0, "b-3", "elasticsearch", "loki",
                new dev.batchyard.model.Actor("ana"))));

        assertEquals(Set.of("b-1", "b-2", "b-4"), shownIds());
    }

    @Test
    void missedEventsReloadTheWholeSnapshot() {
        int snapshotsBefore = store.snapshots;
        store.put(pending("b-9", "loki"));

        inTest.onEvents(List.of(new BatchEvent.Missed(T0, 12_000)));

        assertEquals(snapshotsBefore + 1, store.snapshots);
        assertEquals(5, inTest.totalProperty().get());
    }

    @Test
    void aFilteredBatchThatChangesToMatchAppears() {
        inTest.stateProperty().set(BatchState.DEAD);
        store.put(view("b-2", "loki", BatchState.DEAD, 10, "gave up", T0));

        inTest.onEvents(List.of(new BatchEvent.DeadLettered(T0, "b-2", "loki", "gave up", 10)));

        assertEquals(Set.of("b-2", "b-4"), shownIds());
    }

    /** A store that fails every read with {@code failure}. */
    private static BatchTableViewModel failingInPortuguese(RuntimeException failure, BatchReader healthy) {
        BatchReader broken = new BatchReader() {
            @Override
            public List<BatchView> snapshot() {
                throw failure;
            }

            @Override
            public java.util.Optional<BatchView> find(String id) {
                throw failure;
            }
        };
        boolean[] healthyFirst = {healthy != null};
        BatchReader reader = new BatchReader() {
            @Override
            public List<BatchView> snapshot() {
                return healthyFirst[0] ? healthy.snapshot() : broken.snapshot();
            }

            @Override
            public java.util.Optional<BatchView> find(String id) {
                return broken.find(id);
            }
        };
        return new BatchTableViewModel(reader, new CurrentThreadTaskExecutor(),
                Clock.fixed(T0.plusSeconds(120), ZoneOffset.UTC), new EngineTexts(Language.BRAZILIAN_PORTUGUESE));
    }

    @Test
    void aFailedSnapshotIsSaidInTheOperatorsLanguageWithTheEnglishDetailAfterIt() {
        BatchTableViewModel inTest = failingInPortuguese(
                new StoreException("segment 00000003.seg: record at offset 4096 cannot be read"), null);

        inTest.refresh();

        assertEquals("O armazenamento relatou um problema. segment 00000003.seg: record at offset 4096 cannot be read",
                inTest.loadErrorProperty().get());
        assertEquals(false, inTest.loadingProperty().get());
    }

    @Test
    void aFailedRereadOfChangedRowsIsSaidInTheOperatorsLanguageToo() {
        BatchTableViewModel inTest = failingInPortuguese(new UncheckedIOException(
                new IOException("/srv/store/segments/00000003.seg: Input/output error")), store);
        inTest.refresh();

        inTest.onEvents(List.of(new BatchEvent.DeliveryFailed(T0, "b-1", "loki", "read timeout after 30s", 1,
                T0.plusSeconds(2))));

        assertEquals("Não foi possível ler ou gravar um arquivo. java.io.IOException: "
                + "/srv/store/segments/00000003.seg: Input/output error", inTest.loadErrorProperty().get());
    }
}
