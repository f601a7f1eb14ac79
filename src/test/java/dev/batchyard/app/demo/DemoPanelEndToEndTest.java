package dev.batchyard.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.common.Formats;
import dev.batchyard.app.events.AlertCoalescer;
import dev.batchyard.app.events.EventDescriber;
import dev.batchyard.app.events.EventKind;
import dev.batchyard.app.events.EventRow;
import dev.batchyard.app.events.LiveEventsViewModel;
import dev.batchyard.app.events.PanelTexts;
import dev.batchyard.codec.binary.BinaryEntriesCodec;
import dev.batchyard.demo.DemoSinks;
import dev.batchyard.demo.TrafficGenerator;
import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.engine.EngineOptions;
import dev.batchyard.engine.PersistenceConfig;
import dev.batchyard.engine.events.EventBus;
import dev.batchyard.engine.events.EventSubscription;
import dev.batchyard.sink.SinkDelivery;
import dev.batchyard.runtime.SimulatedSinks;
import dev.batchyard.sink.SinkRegistry;
import dev.batchyard.sink.SinkRuntime;
import dev.batchyard.sink.simulated.SimulatedSink;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The instructor panel driving the real demo: generator, engine on disk, simulated sinks; the
 * engine's events drained the way the app's bridge drains them and fed to the live event view
 * model. No toolkit: the view models are plain objects.
 */
class DemoPanelEndToEndTest {
    @TempDir
    Path dir;
    private final Clock clock = Clock.systemUTC();
    private final EventBus bus = new EventBus(clock);
    private final Formats formats = PanelTexts.english();
    private final LiveEventsViewModel events = new LiveEventsViewModel(new EventDescriber(formats),
            new AlertCoalescer(formats.messages(), clock, Duration.ofSeconds(10)), 10_000);
    private SinkRegistry registry;
    private BatchPersistence engine;
    private TrafficGenerator generator;
    private EventSubscription subscription;
    private DemoPanelViewModel inTest;

    @BeforeEach
    void openDemo() {
        registry = DemoSinks.registry(SinkRuntime.create(clock, 7));
        PersistenceConfig config = new PersistenceConfig(true, dir, 10_000, Duration.ofMinutes(5), 1_000,
                Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofHours(1), Duration.ofHours(24));
        subscription = bus.subscribe(100_000);
        engine = BatchPersistence.open(config, new SinkDelivery(registry, bus, clock), clock, bus,
                EngineOptions.defaults(new BinaryEntriesCodec()).withRecoveryTick(Duration.ofMillis(20)));
        generator = new TrafficGenerator(engine::persistBatch, List.of(DemoSinks.LOKI), 40, 3, clock, 5);
        inTest = new DemoPanelViewModel(new GeneratorDemoControls(generator, SimulatedSinks.in(registry), DemoSinks.names()), 0.5, 200);
    }

    @AfterEach
    void closeDemo() {
        generator.close();
        engine.close();
        registry.close();
    }

    @Test
    void thePanelOpensOnTheDemoSinksOwnCharacters() {
        assertEquals(DemoSinks.names(), inTest.sinks().stream().map(SimulatedSinkViewModel::name).toList());
        assertEquals(List.of(0.02, 0.15, 0.33),
                inTest.sinks().stream().map(s -> s.failureRateProperty().get()).toList());
        assertEquals(40, inTest.trafficRateProperty().get());
    }

    @Test
    void breakingASinkOnThePanelFillsTheStreamWithFailuresAndHealingBringsDeliveriesBack() throws Exception {
        SimulatedSinkViewModel loki = inTest.sinks().get(0);
        loki.downProperty().set(true);
        inTest.trafficRunningProperty().set(true);
        drainUntil(row -> row.kind() == EventKind.FAILURE && row.sinks().contains(DemoSinks.LOKI), "a failure");
        inTest.trafficRunningProperty().set(false);
        assertEquals(0, count(row -> row.kind() == EventKind.DELIVERY && row.description().contains("delivered")));

        loki.downProperty().set(false);
        drainUntil(row -> row.kind() == EventKind.DELIVERY && row.description().contains("delivered to loki-demo"),
                "a delivery after healing");
        assertTrue(SimulatedSink.in(registry, DemoSinks.LOKI).orElseThrow().counts().acceptedEntries() > 0);
    }

    /** What the app's bridge does once a pulse: drain the subscription, hand the batch over. */
    private void drainUntil(Predicate<EventRow> wanted, String what) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (count(wanted) == 0) {
            if (System.nanoTime() > end) {
                throw new AssertionError("no " + what + " among " + events.visibleRows());
            }
            Thread.sleep(16);
            events.apply(subscription.drain());
        }
    }

    private long count(Predicate<EventRow> wanted) {
        return events.visibleRows().stream().filter(wanted).count();
    }
}
