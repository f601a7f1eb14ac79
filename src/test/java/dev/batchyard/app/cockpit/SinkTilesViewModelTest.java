package dev.batchyard.app.cockpit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.common.CurrentThreadTaskExecutor;
import dev.batchyard.app.demo.DemoPanelViewModel;
import dev.batchyard.app.demo.RecordingDemoControls;
import dev.batchyard.console.SinkView;
import dev.batchyard.engine.StoreStats;
import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.SinkHealth;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The cockpit's sink tiles, without a window: rates from the sink layer's counters, breakers from events, the picked sink. */
class SinkTilesViewModelTest {
    private static final Instant T0 = Instant.parse("2026-12-02T12:00:00Z");
    private final List<SinkView> sinks = new ArrayList<>();
    private final AtomicInteger reads = new AtomicInteger();
    private Map<String, Integer> waiting = Map.of();

    private SinkTilesViewModel tiles(DemoPanelViewModel demo) {
        return new SinkTilesViewModel(() -> {
            reads.incrementAndGet();
            return List.copyOf(sinks);
        }, () -> new StoreStats(Map.of(), waiting, 0, 0, 0, null, false, true, T0), new CurrentThreadTaskExecutor(), demo);
    }

    private void counters(String sink, SinkHealth health, long delivered, long failed) {
        sinks.removeIf(s -> s.name().equals(sink));
        sinks.add(new SinkView(sink, "simulated", "", health, 0, null, null, 0, 0, delivered, failed, ""));
    }

    @Test
    void readsNothingWhileTheCockpitIsNotShown() {
        SinkTilesViewModel inTest = tiles(null);
        inTest.tick(T0);
        assertEquals(0, reads.get());
        inTest.setShown(true);
        inTest.tick(T0);
        assertEquals(1, reads.get());
    }

    @Test
    void ratesAreTheCountersChangeOverTheLastSecondsAndStartAgainWhenTheCountersDo() {
        SinkTilesViewModel inTest = tiles(null);
        inTest.setShown(true);
        waiting = Map.of("loki", 12);
        counters("loki", SinkHealth.CLOSED, 100, 10);
        inTest.tick(T0);
        counters("loki", SinkHealth.CLOSED, 140, 12);
        inTest.tick(T0.plusSeconds(2));
        SinkTileViewModel loki = inTest.tiles().get(0);
        assertEquals(20.0, loki.deliveredPerSecondProperty().get(), 1e-9);
        assertEquals(1.0, loki.failedPerSecondProperty().get(), 1e-9);
        assertEquals(12, loki.waitingProperty().get());

        for (int s = 3; s <= 10; s++) {   // nothing more delivered: the window moves past the burst
            inTest.tick(T0.plusSeconds(s));
        }
        assertEquals(0.0, loki.deliveredPerSecondProperty().get(), 1e-9);

        counters("loki", SinkHealth.CLOSED, 3, 0);   // the engine was opened again: its counters start from zero
        inTest.tick(T0.plusSeconds(11));
        counters("loki", SinkHealth.CLOSED, 8, 0);
        inTest.tick(T0.plusSeconds(12));
        assertEquals(5.0, loki.deliveredPerSecondProperty().get(), 1e-9);
    }

    @Test
    void aBreakerThatOpensShowsFromItsEventBeforeTheNextReading() {
        SinkTilesViewModel inTest = tiles(null);
        inTest.onEvents(List.of(new BatchEvent.SinkHealthChanged(T0, "splunk", SinkHealth.OPEN,
                BatchEvent.SinkHealthChanged.Cause.FAILURES, 5, T0.plusSeconds(30), "refused", "")));
        assertEquals(SinkHealth.OPEN, inTest.tiles().get(0).healthProperty().get());
    }

    @Test
    void inDemoModeTheSimulatedSinksComeFirstShareTheirSwitchAndThePickedOneIsMarked() {
        RecordingDemoControls controls = new RecordingDemoControls(List.of("loki", "elasticsearch"));
        DemoPanelViewModel demo = new DemoPanelViewModel(controls, 0.5, 200);
        SinkTilesViewModel inTest = tiles(demo);
        inTest.setShown(true);
        counters("archive", SinkHealth.CLOSED, 0, 0);
        inTest.tick(T0);

        assertEquals(List.of("loki", "elasticsearch", "archive"), inTest.tiles().stream().map(SinkTileViewModel::name).toList());
        assertTrue(inTest.tiles().get(0).pickedProperty().get());
        assertFalse(inTest.tiles().get(2).simulated().isPresent(), "archive is no demo sink: no Break / Heal");

        demo.pickNext();
        demo.breakOrHealPicked();
        assertTrue(inTest.tiles().get(1).pickedProperty().get());
        assertFalse(inTest.tiles().get(0).pickedProperty().get());
        assertTrue(inTest.tiles().get(1).simulated().orElseThrow().downProperty().get());
        assertEquals("outage elasticsearch true", controls.lastCall());
    }
}
