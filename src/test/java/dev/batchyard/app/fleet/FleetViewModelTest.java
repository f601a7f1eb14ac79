package dev.batchyard.app.fleet;

import static dev.batchyard.app.fleet.FleetFakes.local;
import static dev.batchyard.app.fleet.FleetFakes.read;
import static dev.batchyard.app.fleet.FleetFakes.remote;
import static dev.batchyard.app.fleet.FleetFakes.stats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.Messages;
import dev.batchyard.connections.Connection;
import dev.batchyard.connections.Environment;
import dev.batchyard.console.SinkView;
import dev.batchyard.engine.MutableClock;
import dev.batchyard.engine.events.SinkHealth;
import dev.batchyard.engine.store.StoreException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FleetViewModelTest {
    private static final Formats FORMATS = new Formats(new Messages(Locale.ENGLISH), ZoneOffset.UTC);
    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    private static final Duration POLL = Duration.ofSeconds(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final Connection eu = remote("eu-prod", Environment.PROD, 7431);
    private final Connection us = remote("us-test", Environment.TEST, 7432);
    private final Connection archive = local("archive", Path.of("/srv/archive"));
    private final MutableClock clock = new MutableClock(T0);
    private final FleetFakes.ScriptedProbe probe = new FleetFakes.ScriptedProbe();
    private final FleetFakes.UiQueue tasks = new FleetFakes.UiQueue();
    private final List<Connection> opened = new ArrayList<>();
    private FleetViewModel inTest;

    private FleetViewModel fleet(Supplier<List<Connection>> connections, ProbeThreads threads) {
        inTest = new FleetViewModel(connections, probe, threads, opened::add, tasks, clock, POLL, TIMEOUT, FORMATS);
        return inTest;
    }

    @AfterEach
    void close() {
        if (inTest != null) {
            inTest.close();
        }
    }

    private FleetRow row(Connection c) {
        return inTest.rows().stream().filter(r -> r.connection().equals(c)).findFirst().orElseThrow();
    }

    @Test
    void aPollShowsEachConnectionAsItsStoreAnswered() {
        probe.answer(eu, c -> new ProbeOutcome.Read(stats(5, 2, 3, 1, 2048, T0.minus(Duration.ofMinutes(10))),
                List.of(SinkView.of("loki", SinkHealth.CLOSED), SinkView.of("elastic", SinkHealth.OPEN),
                        SinkView.of("splunk", SinkHealth.HALF_OPEN), SinkView.of("kafka", SinkHealth.NOT_CONFIGURED))));
        probe.answer(us, c -> new ProbeOutcome.Unreachable(new StoreException("http://127.0.0.1:7432: connection refused")));
        FleetViewModel model = fleet(() -> List.of(eu, us, archive), FleetFakes.inline());

        model.open();
        tasks.runUi();

        assertEquals(List.of(eu, us, archive), model.rows().stream().map(FleetRow::connection).toList());
        FleetRow eu = row(this.eu);
        assertEquals(RowState.CONNECTED, eu.state());
        assertEquals(new Figures(7, 3, 1, Duration.ofMinutes(10), 2048, new SinkSummary(3, 1, 1)), eu.figures());
        assertEquals(List.of(new Sparkline.Sample(T0, 7)), eu.sparkline().samples());
        FleetRow us = row(this.us);
        assertEquals(RowState.DISCONNECTED, us.state());
        assertTrue(us.reason().contains("connection refused"), us.reason());
        assertNull(us.figures());
        assertEquals(RowState.NOT_OPEN, row(archive).state());
        assertEquals(T0, model.lastPollProperty().get());
    }

    @Test
    void aReasonLeavesOutTheRouteToTheConnectionsOwnServer() {
        assertEquals("cannot connect: nothing listens there", FleetViewModel.withoutRoute(
                "GET http://127.0.0.1:7431/api/v1/store: cannot connect: nothing listens there", eu));
        assertEquals("GET http://10.0.0.9:7431/api/v1/store: refused", FleetViewModel.withoutRoute(
                "GET http://10.0.0.9:7431/api/v1/store: refused", eu), "another server's route is kept");
        assertEquals("GET /srv/archive: x", FleetViewModel.withoutRoute("GET /srv/archive: x", archive));
    }

    @Test
    void itPollsAgainEachIntervalAndNotBefore() {
        probe.answer(eu, c -> read(1));
        FleetViewModel model = fleet(() -> List.of(eu), FleetFakes.inline());
        model.open();
        tasks.runUi();

        clock.advance(Duration.ofMillis(4_999));
        model.tick(clock.instant());
        assertEquals(1, probe.probes(eu));
        clock.advance(Duration.ofMillis(1));
        model.tick(clock.instant());
        tasks.runUi();
        assertEquals(2, probe.probes(eu));
        assertEquals(2, row(eu).sparkline().samples().size());
    }

    @Test
    void nothingIsPolledUntilTheViewIsShownNorAfterItIsClosed() {
        FleetViewModel model = fleet(() -> List.of(eu), FleetFakes.inline());
        model.tick(clock.instant());
        assertEquals(0, probe.probes(eu));

        model.open();
        model.hide();
        clock.advance(Duration.ofMinutes(1));
        model.tick(clock.instant());

        assertEquals(1, probe.probes(eu));
        assertEquals(1, probe.closed, "closing the view closes the consoles kept for probing");
    }

    @Test
    void theSparklineHoldsOneSamplePerPollOverTheLastHour() {
        AtomicReference<Integer> pending = new AtomicReference<>(0);
        probe.answer(eu, c -> read(pending.get()));
        FleetViewModel model = fleet(() -> List.of(eu), FleetFakes.inline());
        model.open();
        tasks.runUi();
        for (int i = 1; i <= 1000; i++) {   // 83 minutes of polls
            pending.set(i);
            clock.advance(POLL);
            model.tick(clock.instant());
            tasks.runUi();
        }

        List<Sparkline.Sample> samples = row(eu).sparkline().samples();
        assertEquals(721, samples.size(), "an hour of 5 s polls, both ends in");
        assertEquals(new Sparkline.Sample(clock.instant(), 1000), samples.get(samples.size() - 1));
        assertEquals(clock.instant().minus(Sparkline.WINDOW), samples.get(0).at());
        assertEquals(280, samples.get(0).pending());
    }

    @Test
    void aHungServerDoesNotHoldUpTheOthersIsCutOffAtItsTimeoutAndIsNotPiledOn() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch hung = new CountDownLatch(1);
        probe.answer(eu, c -> {
            hung.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new AssertionError("a probe was interrupted (it may be reading a store of this process)", e);
            }
            return read(99);
        });
        probe.answer(us, c -> read(4));
        ProbeThreads threads = ProbeThreads.daemons();
        FleetViewModel model = fleet(() -> List.of(eu, us), threads);

        model.open();
        tasks.awaitUi();

        assertEquals(RowState.CONNECTED, row(us).state());
        assertEquals(RowState.WAITING, row(eu).state());
        assertTrue(hung.await(10, TimeUnit.SECONDS));
        clock.advance(TIMEOUT);
        model.tick(clock.instant());
        assertEquals(RowState.DISCONNECTED, row(eu).state());
        assertEquals("no answer within 3.0 s", row(eu).reason());

        clock.advance(POLL.minus(TIMEOUT));
        model.tick(clock.instant());
        tasks.awaitUi();
        assertEquals(2, row(us).sparkline().samples().size(), "the other server was polled again");
        assertEquals(1, probe.probes(eu), "a server whose probe still runs was probed again");

        release.countDown();
        tasks.awaitUi();   // the hung probe's late answer
        assertEquals(RowState.DISCONNECTED, row(eu).state(), "the late answer was applied");
        clock.advance(POLL);
        model.tick(clock.instant());
        runUiUntil(() -> row(eu).state() == RowState.CONNECTED);
        assertEquals(2, probe.probes(eu), "the server was probed again once its probe ended");
    }

    /** Plays the UI thread until {@code condition} holds (up to 10 s). */
    private void runUiUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within 10 s");
            }
            Runnable next = tasks.ui.poll(100, TimeUnit.MILLISECONDS);
            if (next != null) {
                next.run();
            }
        }
    }

    @Test
    void anAnswerArrivingAfterTheTimeoutIsDropped() {
        probe.answer(eu, c -> read(7));
        FleetFakes.HeldProbes threads = new FleetFakes.HeldProbes();
        FleetViewModel model = fleet(() -> List.of(eu), threads);
        model.open();
        clock.advance(Duration.ofSeconds(2));
        model.tick(clock.instant());
        assertEquals(1, threads.held.size());

        clock.advance(Duration.ofSeconds(1));
        model.tick(clock.instant());
        threads.runAll();
        tasks.runUi();

        assertEquals(RowState.DISCONNECTED, row(eu).state());
        assertEquals(List.of(), row(eu).sparkline().samples());
    }

    @Test
    void answersArrivingTogetherReachTheUiThreadInOneHandOver() {
        probe.answer(eu, c -> read(1)).answer(us, c -> read(2));
        FleetViewModel model = fleet(() -> List.of(eu, us, archive), FleetFakes.inline());

        model.open();

        assertEquals(1, tasks.ui.size());
        tasks.runUi();
        assertEquals(List.of(RowState.CONNECTED, RowState.CONNECTED, RowState.NOT_OPEN),
                model.rows().stream().map(FleetRow::state).toList());
    }

    @Test
    void aConnectionThatLeavesTheListLosesItsRowAndWhatWasKeptToProbeIt() {
        AtomicReference<List<Connection>> listed = new AtomicReference<>(List.of(eu, us));
        FleetViewModel model = fleet(listed::get, FleetFakes.inline());
        model.open();
        tasks.runUi();

        listed.set(List.of(us, archive));
        clock.advance(POLL);
        model.tick(clock.instant());
        tasks.runUi();

        assertEquals(List.of(us, archive), model.rows().stream().map(FleetRow::connection).toList());
        assertEquals(List.of(eu), probe.forgotten);
    }

    @Test
    void connectionsThatCannotBeListedAreSaidSoAndTheRowsStay() {
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        FleetViewModel model = fleet(() -> {
            if (failure.get() != null) {
                throw failure.get();
            }
            return List.of(eu);
        }, FleetFakes.inline());
        model.open();
        tasks.runUi();

        failure.set(new IllegalArgumentException("/home/ana/.config/batchyard/connections.json: not JSON at line 3"));
        clock.advance(POLL);
        model.tick(clock.instant());

        assertTrue(model.problemProperty().get().contains("connections.json: not JSON at line 3"),
                model.problemProperty().get());
        assertEquals(List.of(eu), model.rows().stream().map(FleetRow::connection).toList());
    }

    @Test
    void openingARowHandsItsConnectionToTheWindows() {
        FleetViewModel model = fleet(() -> List.of(eu, us), FleetFakes.inline());
        model.open();
        tasks.runUi();

        model.openConnection(row(us));

        assertEquals(List.of(us), opened);
    }

    @Test
    void everyColumnSortsByItsValueNotItsText() {
        FleetRow nine = FleetRow.waiting(eu).read(new Figures(9, 100, 0, Duration.ofSeconds(59), 900,
                new SinkSummary(3, 0, 0)), T0);
        FleetRow hundred = FleetRow.waiting(us).read(new Figures(100, 9, 2, Duration.ofHours(1), 2048,
                new SinkSummary(1, 1, 0)), T0);
        FleetRow away = FleetRow.waiting(archive).disconnected("connection refused");
        List<FleetRow> rows = List.of(hundred, away, nine);

        assertEquals(List.of(away, nine, hundred), sorted(rows, FleetOrder::pending, FleetOrder.COUNT));
        assertEquals(List.of(away, hundred, nine), sorted(rows, FleetOrder::retrying, FleetOrder.COUNT));
        assertEquals(List.of(away, nine, hundred), sorted(rows, FleetOrder::bytes, FleetOrder.COUNT));
        assertEquals(List.of(away, nine, hundred), sorted(rows, FleetOrder::oldest, FleetOrder.AGE));
        assertEquals(List.of(away, nine, hundred), sorted(rows, FleetOrder::sinks, FleetOrder.SINKS));
        assertEquals(List.of(hundred, nine, away), sorted(rows, FleetRow::state, FleetOrder.STATE), "a stable sort");
        assertEquals(List.of(away, hundred, nine), sorted(rows, r -> r.connection().environment(), FleetOrder.ENVIRONMENT),
                "dev, test, prod");
        assertEquals(List.of(away, nine, hundred), sorted(rows, FleetRow::name, FleetOrder.NAME));
    }

    private static <T> List<FleetRow> sorted(List<FleetRow> rows, java.util.function.Function<FleetRow, T> value,
                                             java.util.Comparator<T> order) {
        return rows.stream().sorted(java.util.Comparator.comparing(value, order)).toList();
    }
}
