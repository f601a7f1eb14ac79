package dev.batchyard.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.batchyard.app.AppContext;
import dev.batchyard.app.FileDelivery;
import dev.batchyard.app.LaunchOptions;
import dev.batchyard.app.TestStore;
import dev.batchyard.app.common.BackgroundTaskExecutor;
import dev.batchyard.console.Access;
import dev.batchyard.model.Actor;
import dev.batchyard.runtime.AppConsoles;
import dev.batchyard.runtime.SinkLayer;
import dev.batchyard.app.common.Messages;
import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.EngineOptions;
import dev.batchyard.engine.PersistenceConfig;
import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.EventBus;
import dev.batchyard.model.LogEntry;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.prefs.Preferences;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 4's measurement: the real main window on 100,000 batches while 5,000 events a second
 * arrive for 10 s (after 3 s of the same, reported apart), with the FX pulse gaps recorded by an
 * {@link AnimationTimer}. Run it with
 * {@code ./mvnw -B -o test -Dtest=FxPulseBench -Dfx.pulse=true -Dsurefire.failIfNoSpecifiedTests=false};
 * normal builds skip it. It reports timings and never fails on them; it fails only if the window
 * does not show the 100,000 rows.
 *
 * <p>Besides the gaps it reports the FX thread's and the renderer's CPU per pulse and how many gaps
 * cost them more than 12 ms of CPU together ({@code pulsesOver12MsCpu}): on a loaded machine the gaps
 * measure the wait for a core, these do not.
 *
 * <p>The store is filled through the engine ({@code persistBatch}, 1-entry batches, 16 threads
 * sharing group commits). The feed is 5,000 synthetic {@code DeliveryFailed}/{@code DeliveryStarted}
 * events a second about existing batches, published on the engine's own {@link EventBus} (so they
 * take the app's real path: subscription, bridge, table re-reads), plus real {@code markBatchFailed}
 * and {@code persistBatch} calls from 8 threads at whatever rate the disk allows; the engine cannot
 * sustain 5,000 durable changes a second on this disk.
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "fx.pulse", matches = "true")
class FxPulseBench {
    /** 100,000 as the issue asks; {@code -Dfx.pulse.batches=N} to see how the gaps scale with the table. */
    private static final int BATCHES = Integer.getInteger("fx.pulse.batches", 100_000);
    private static final int EVENTS_PER_SECOND = 5_000;
    private static final Duration FEED = Duration.ofSeconds(10);
    /**
     * The same feed, run before the measured one and reported apart: a JVM that has not run the event
     * path yet compiles it during its first seconds of events ({@code -Dfx.pulse.warmUpSeconds=0} for none).
     */
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("fx.pulse.warmUpSeconds", 3));
    private static final Duration IDLE = Duration.ofSeconds(3);
    private static final int FILL_THREADS = 16;
    /** Threads making real engine changes beside the synthetic events; {@code -Dfx.pulse.changeThreads=0} for none. */
    private static final int CHANGE_THREADS = Integer.getInteger("fx.pulse.changeThreads", 8);

    @TempDir
    Path dir;

    /**
     * Issue 23's first goal: at 5,000 events a second a p99 gap of at most 20 ms and no gap over 100 ms;
     * with the real engine changes beside them a p99 of at most 50 ms. Judged on the 10 s feed that follows
     * the warm-up; the warm-up's own p99 and worst gap are printed beside it, not judged.
     */
    private static String targets(PulseGaps gaps, PulseGaps warmUp) {
        List<String> lines = new ArrayList<>();
        double p99 = gaps.p99Ms();
        if (CHANGE_THREADS == 0) {
            lines.add("Targets (issue 23, 100,000 rows, 5,000 events/s):");
            lines.add(BenchTargets.line("p99 gap <= 20 ms", p99 <= 20, "%.1f ms", p99));
            lines.add(BenchTargets.line("no gap over 100 ms", gaps.worstMs() <= 100, "worst %.1f ms", gaps.worstMs()));
        } else {
            lines.add("Targets (issue 23, 100,000 rows, 5,000 events/s and real engine changes from "
                    + CHANGE_THREADS + " threads):");
            lines.add(BenchTargets.line("p99 gap <= 50 ms", p99 <= 50, "%.1f ms", p99));
        }
        lines.add(String.format(Locale.ROOT, "Not a goal: the warm-up, the first %d s of events in this JVM: p99 %.1f ms,"
                + " worst %.1f ms", WARM_UP.toSeconds(), warmUp.p99Ms(), warmUp.worstMs()));
        return String.join("\n", lines);
    }

    @Test
    void windowOnAHundredThousandBatchesUnderFiveThousandEventsASecond(FxRobot robot) throws Exception {
        EventBus bus = new EventBus(Clock.systemUTC());
        FileDelivery delivery = new FileDelivery(dir.resolve("delivered"), TestStore.SINKS);
        BatchPersistence engine = BatchPersistence.open(config(dir.resolve("store")), delivery,
                Clock.systemDefaultZone(), bus, EngineOptions.defaults());
        long fillStart = System.nanoTime();
        fill(engine);
        double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
        System.out.printf(Locale.ROOT, "filled %d batches in %.1f s%n", BATCHES, fillSeconds);

        Preferences prefs = Preferences.userRoot().node("dev/batchyard/test/" + UUID.randomUUID());
        BackgroundTaskExecutor executor = new BackgroundTaskExecutor(Platform::runLater);
        LaunchOptions options = LaunchOptions.parse(List.of("--store", engine.directory().toString()), Map.of(), dir);
        PulseClock clock = new PulseClock();
        AppContext context = WaitForAsyncUtils.asyncFx(() -> {
            clock.start();
            // the console the app opens on a writable store (first pages by creation kept, not a pass per round)
            AppContext app = new AppContext(options, AppConsoles.asTheAppOpensIt(engine,
                    SinkLayer.fixed(delivery, List.of(TestStore.SINKS)), Actor.osUser(), new Access.Writable()), null,
                    executor, Clock.systemDefaultZone(), new Messages(Locale.ENGLISH), prefs);
            Stage stage = new Stage();
            app.show(stage);
            stage.show();
            return app;
        }).get(60, TimeUnit.SECONDS);
        try {
            long shownAt = System.nanoTime();
            TableView<BatchView> table = robot.lookup("#batchTable").queryTableView();
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> table.getItems().size() == BATCHES);
            double rowsSeconds = (System.nanoTime() - shownAt) / 1e9;
            System.out.printf(Locale.ROOT, "table showed %d rows %.1f s after the window opened%n", BATCHES, rowsSeconds);

            PulseGaps idle = new PulseGaps(clock);
            WaitForAsyncUtils.asyncFx(() -> idle.watch(table.getScene())).get(10, TimeUnit.SECONDS);
            WaitForAsyncUtils.asyncFx(idle::start).get(10, TimeUnit.SECONDS);
            Thread.sleep(IDLE.toMillis());   // the same window with no events: the baseline
            WaitForAsyncUtils.asyncFx(idle::stop).get(30, TimeUnit.SECONDS);
            System.out.println("fx-pulse idle: " + idle.summary());
            System.out.println("fx-pulse idle, worst gaps:\n" + idle.worstGaps(8));
            AtomicLong fresh = new AtomicLong(BATCHES);   // ids for the real changes' new batches, shared by both feeds
            PulseGaps warmUp = new PulseGaps(clock);
            WaitForAsyncUtils.asyncFx(() -> warmUp.watch(table.getScene())).get(10, TimeUnit.SECONDS);
            WaitForAsyncUtils.asyncFx(warmUp::start).get(10, TimeUnit.SECONDS);
            new Feed(engine, bus, fresh).run(WARM_UP);
            WaitForAsyncUtils.asyncFx(warmUp::stop).get(30, TimeUnit.SECONDS);
            System.out.println("fx-pulse warm-up: " + warmUp.summary());
            PulseGaps gaps = new PulseGaps(clock);
            WaitForAsyncUtils.asyncFx(() -> gaps.watch(table.getScene())).get(10, TimeUnit.SECONDS);
            WaitForAsyncUtils.asyncFx(gaps::start).get(10, TimeUnit.SECONDS);
            Feed feed = new Feed(engine, bus, fresh);
            feed.run(FEED);
            WaitForAsyncUtils.asyncFx(gaps::stop).get(30, TimeUnit.SECONDS);

            int rowsAfter = WaitForAsyncUtils.asyncFx(() -> table.getItems().size()).get(30, TimeUnit.SECONDS);
            String report = gaps.json(idle, warmUp, feed, fillSeconds, rowsSeconds, rowsAfter);
            System.out.println("fx-pulse: " + report);
            System.out.println("fx-pulse under feed, worst gaps:\n" + gaps.worstGaps(12));
            System.out.println(targets(gaps, warmUp));
            Path out = Path.of("target", "bench", "fx-pulse.json");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report + "\n", StandardCharsets.UTF_8);
            assertEquals(true, rowsAfter >= BATCHES, "the table lost rows under the feed: " + rowsAfter);
        } finally {
            WaitForAsyncUtils.asyncFx(clock::stop).get(30, TimeUnit.SECONDS);
            WaitForAsyncUtils.asyncFx(context::close).get(30, TimeUnit.SECONDS);
            executor.close();
            engine.close();
            prefs.removeNode();
        }
    }

    private static PersistenceConfig config(Path store) {
        PersistenceConfig defaults = PersistenceConfig.defaults(store);
        // Room for the batches the feed adds; backoff long so the recovery loop stays out of the way.
        return new PersistenceConfig(true, store, 1_000_000, defaults.batchTimeout(), 1_000,
                Duration.ofMinutes(5), Duration.ofMinutes(30), defaults.cleanupInterval(), defaults.batchTtl());
    }

    private static void fill(BatchPersistence engine) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(FILL_THREADS);
        AtomicLong next = new AtomicLong();
        for (int t = 0; t < FILL_THREADS; t++) {
            pool.execute(() -> {
                for (long i = next.getAndIncrement(); i < BATCHES; i = next.getAndIncrement()) {
                    engine.persistBatch(id(i), entry(i), TestStore.SINKS[(int) (i % TestStore.SINKS.length)]);
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(15, TimeUnit.MINUTES)) {
            throw new AssertionError("filling the store took more than 15 minutes");
        }
    }

    static String id(long i) {
        return String.format(Locale.ROOT, "bench-%06d", i);
    }

    static List<LogEntry> entry(long i) {
        OffsetDateTime now = OffsetDateTime.now();
        return List.of(LogEntry.builder().timestamp(now).processedAt(now).message("entry of batch " + i)
                .level(i % 5 == 0 ? "error" : "info").sourceType("docker").sourceId("api-" + (i % 7)).build());
    }

    /** The synthetic event stream and the real changes, for {@code duration}. */
    static final class Feed {
        private final BatchPersistence engine;
        private final EventBus bus;
        private final AtomicLong fresh;
        final AtomicLong published = new AtomicLong();
        final AtomicLong failedMarks = new AtomicLong();
        final AtomicLong persisted = new AtomicLong();
        double seconds;

        /** @param fresh the number of the next new batch the real changes persist */
        Feed(BatchPersistence engine, EventBus bus, AtomicLong fresh) {
            this.engine = engine;
            this.bus = bus;
            this.fresh = fresh;
        }

        void run(Duration duration) throws InterruptedException {
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, CHANGE_THREADS));
            for (int t = 0; t < CHANGE_THREADS; t++) {
                boolean persister = t % 2 == 0;
                pool.execute(() -> {
                    while (running.get()) {
                        if (persister) {
                            long i = fresh.getAndIncrement();
                            engine.persistBatch(id(i), entry(i), TestStore.SINKS[(int) (i % TestStore.SINKS.length)]);
                            persisted.incrementAndGet();
                        } else {
                            engine.markBatchFailed(id(ThreadLocalRandom.current().nextInt(BATCHES)),
                                    "dial tcp 10.0.0.5:3100: connection refused");
                            failedMarks.incrementAndGet();
                        }
                    }
                });
            }
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            long sent = 0;
            for (long now = start; now < end; now = System.nanoTime()) {
                long due = (now - start) * EVENTS_PER_SECOND / 1_000_000_000L;
                for (; sent < due; sent++) {
                    bus.publish(synthetic(sent));
                }
                Thread.sleep(1);
            }
            seconds = (System.nanoTime() - start) / 1e9;
            published.set(sent);
            running.set(false);
            pool.shutdown();
            pool.awaitTermination(60, TimeUnit.SECONDS);
        }

        private static BatchEvent synthetic(long n) {
            String id = id(ThreadLocalRandom.current().nextInt(BATCHES));
            String sink = TestStore.SINKS[(int) (n % TestStore.SINKS.length)];
            Instant at = Instant.now();
            if (n % 2 == 0) {
                return new BatchEvent.DeliveryStarted(at, id, sink, 1);
            }
            return new BatchEvent.DeliveryFailed(at, id, sink, "bulk request failed: 503 Service Unavailable", 1,
                    at.plusSeconds(60));
        }
    }

    /**
     * The first animation timer of every pulse: started before the window, so that it runs before the
     * window's own pulse work (its event pump and table rounds are animation timers too, which run in
     * the order they were started) and a gap's breakdown counts that work in the pulse it belongs to.
     */
    static final class PulseClock extends AnimationTimer {
        private final List<PulseGaps> recorders = new ArrayList<>();

        @Override
        public void handle(long now) {
            for (PulseGaps recorder : List.copyOf(recorders)) {
                recorder.pulse(now);
            }
        }
    }

    /** Gaps between consecutive pulses, recorded on the FX thread from a {@link PulseClock}. */
    static final class PulseGaps {
        private final PulseClock clock;
        private final List<Long> gaps = new ArrayList<>();
        private long last = -1;
        private long cpuAtStart;
        private long wallAtStart;
        /** The FX thread's CPU time while recording, over the wall time: its busy share, which load does not inflate. */
        private double busyShare;
        private long processCpuAtStart;
        /** CPU milliseconds the JVM's threads used per second of recording: what competes for the 2 cores. */
        private double processCpuMsPerSecond;
        /**
         * A gap whose own CPU (FX thread plus renderer) is over this skips a frame even on an idle machine,
         * as the two threads share the 16.7 ms of a frame with the rest of the pulse: the count of such gaps
         * judges a change under load better than the gaps themselves.
         */
        private static final long HEAVY_PULSE_CPU_NANOS = 12_000_000L;
        /** The renderer thread's id, for its CPU time; -1 if not found. */
        private long rendererId = -1;
        /** How long the FX thread and the renderer waited for a core (read 0 off Linux). */
        private CoreWait fxWait = CoreWait.none();
        private CoreWait rendererWait = fxWait;
        private Stamp lastStart;
        private Stamp lastLaid;
        private final List<Pulse> pulses = new ArrayList<>();

        PulseGaps(PulseClock clock) {
            this.clock = clock;
        }

        /** Starts recording, on the FX thread. */
        public void start() {
            cpuAtStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            processCpuAtStart = processCpu();
            wallAtStart = System.nanoTime();
            clock.recorders.add(this);
        }

        /** Stops recording, on the FX thread. */
        public void stop() {
            clock.recorders.remove(this);
            lastStart = null;
            fxWait.close();
            rendererWait.close();
            long wall = System.nanoTime() - wallAtStart;
            busyShare = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuAtStart) / (double) wall;
            processCpuMsPerSecond = (processCpu() - processCpuAtStart) / 1e6 / (wall / 1e9);
        }

        /**
         * The CPU time of every live Java thread (the engine's, the feed's, the app's; not the GC's).
         * A thread that ends while recording takes its time with it; the bench's threads all outlive it.
         */
        private static long processCpu() {
            var threads = ManagementFactory.getThreadMXBean();
            long sum = 0;
            for (long id : threads.getAllThreadIds()) {
                sum += Math.max(0, threads.getThreadCpuTime(id));
            }
            return sum;
        }

        void pulse(long now) {
            if (last >= 0) {
                gaps.add(now - last);
            }
            last = now;
            Stamp stamp = Stamp.now(rendererId, fxWait, rendererWait);
            if (lastLaid != null && lastStart != null) {
                pulses.add(new Pulse(now, lastStart, lastLaid, stamp));
            }
            lastStart = stamp;
            lastLaid = null;
        }

        /**
         * Also stamps each pulse after its CSS and layout pass, to tell where a long gap went: the FX
         * thread's own work (CPU), the wait for the renderer (under Monocle the frame is drawn in
         * software on the QuantumRenderer thread, and a pulse waits for the last frame before it syncs
         * the scene), a GC pause, or neither (the machine: a runnable thread waiting for a core).
         */
        void watch(Scene scene) {
            scene.addPostLayoutPulseListener(() -> {
                if (lastStart != null && lastLaid == null) {
                    lastLaid = Stamp.now(rendererId, fxWait, rendererWait);
                }
            });
            rendererId = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("QuantumRenderer")).mapToLong(Thread::getId).findFirst().orElse(-1);
            fxWait = CoreWait.ofCurrentThread();
            rendererWait = CoreWait.ofThreadNamed("QuantumRenderer");
        }

        /**
         * Wall time, the FX thread's CPU time, the renderer's CPU time, the JVM's total GC time, and how long
         * the FX thread and the renderer have waited for a core, at one moment.
         */
        record Stamp(long wall, long fxCpu, long renderCpu, long gcMs, long fxWait, long renderWait) {
            /**
             * Looked up once: {@code getGarbageCollectorMXBeans()} builds its list anew on every call, and
             * two calls a pulse cost the FX thread about a tenth of its time under the feed.
             */
            private static final List<GarbageCollectorMXBean> COLLECTORS = ManagementFactory.getGarbageCollectorMXBeans();
            private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

            static Stamp now(long rendererId, CoreWait fxWait, CoreWait rendererWait) {
                long gc = 0;
                for (GarbageCollectorMXBean bean : COLLECTORS) {
                    gc += Math.max(0, bean.getCollectionTime());
                }
                return new Stamp(System.nanoTime(), THREADS.getCurrentThreadCpuTime(),
                        rendererId < 0 ? 0 : THREADS.getThreadCpuTime(rendererId), gc, fxWait.nanos(), rendererWait.nanos());
            }
        }

        /** One gap: from the previous pulse's start, through its CSS and layout, to this pulse's start. */
        record Pulse(long at, Stamp start, Stamp laid, Stamp next) {
            long gap() {
                return next.wall() - start.wall();
            }

            /** The FX thread's and the renderer's CPU time in this gap: its own cost, which waiting for a core does not inflate. */
            long cpu() {
                return next.fxCpu() - start.fxCpu() + next.renderCpu() - start.renderCpu();
            }

            String describe(long origin) {
                return String.format(Locale.ROOT, "  at %6.0f ms: gap %5.1f ms = to layout done %5.1f (FX CPU %5.1f,"
                                + " waiting for a core %5.1f) + after %5.1f (FX CPU %5.1f, waiting %5.1f; renderer CPU %5.1f,"
                                + " waiting %5.1f; GC %d ms)",
                        (start.wall() - origin) / 1e6, gap() / 1e6, (laid.wall() - start.wall()) / 1e6,
                        (laid.fxCpu() - start.fxCpu()) / 1e6, (laid.fxWait() - start.fxWait()) / 1e6,
                        (next.wall() - laid.wall()) / 1e6, (next.fxCpu() - laid.fxCpu()) / 1e6,
                        (next.fxWait() - laid.fxWait()) / 1e6, (next.renderCpu() - laid.renderCpu()) / 1e6,
                        (next.renderWait() - laid.renderWait()) / 1e6, next.gcMs() - laid.gcMs());
            }
        }

        /** The {@code count} longest gaps in time order, each with where its time went. */
        String worstGaps(int count) {
            if (pulses.isEmpty()) {
                return "  (none)";
            }
            long origin = pulses.get(0).start().wall();
            StringBuilder out = new StringBuilder();
            pulses.stream().sorted(Comparator.comparingLong(Pulse::gap).reversed()).limit(count)
                    .sorted(Comparator.comparingLong(Pulse::at))
                    .forEach(p -> out.append(p.describe(origin)).append('\n'));
            return out.toString();
        }

        String json(PulseGaps idle, PulseGaps warmUp, Feed feed, double fillSeconds, double rowsSeconds, int rowsAfter) {
            return String.format(Locale.ROOT, "{\"batches\": %d, \"fillSeconds\": %.1f, \"rowsShownSeconds\": %.1f, "
                            + "\"idle\": %s, \"warmUp\": %s, \"feedSeconds\": %.2f, \"syntheticEvents\": %d, "
                            + "\"syntheticPerSecond\": %.0f, \"realPersists\": %d, \"realMarkFailed\": %d, "
                            + "\"realChangesPerSecond\": %.0f, \"underFeed\": %s, \"rowsAfterFeed\": %d}",
                    BATCHES, fillSeconds, rowsSeconds, idle.summary(), warmUp.summary(), feed.seconds, feed.published.get(),
                    feed.published.get() / feed.seconds, feed.persisted.get(), feed.failedMarks.get(),
                    (feed.persisted.get() + feed.failedMarks.get()) / feed.seconds, summary(), rowsAfter);
        }

        /** Pulse count, median, p99 and worst gap, how many gaps exceeded 100 ms, and the FX thread's busy share. */
        String summary() {
            List<Long> sorted = new ArrayList<>(gaps);
            sorted.sort(null);
            long over100 = sorted.stream().filter(g -> g > 100_000_000L).count();
            long fx = 0;
            long render = 0;
            for (Pulse p : pulses) {
                fx += p.next().fxCpu() - p.start().fxCpu();
                render += p.next().renderCpu() - p.start().renderCpu();
            }
            int n = Math.max(1, pulses.size());
            long heavy = pulses.stream().filter(p -> p.cpu() > HEAVY_PULSE_CPU_NANOS).count();
            return String.format(Locale.ROOT, "{\"gaps\": %d, \"gapMedianMs\": %.1f, \"gapP99Ms\": %.1f, "
                            + "\"gapWorstMs\": %.1f, \"gapsOver100Ms\": %d, \"fxThreadBusy\": %.3f, "
                            + "\"fxCpuPerPulseMs\": %.2f, \"rendererCpuPerPulseMs\": %.2f, \"jvmCpuMsPerSecond\": %.0f, "
                            + "\"pulsesOver12MsCpu\": %d}",
                    sorted.size(), ms(percentile(sorted, 0.5)), ms(percentile(sorted, 0.99)),
                    ms(sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1)), over100, busyShare,
                    fx / 1e6 / n, render / 1e6 / n, processCpuMsPerSecond, heavy);
        }

        double worstMs() {
            return gaps.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6;
        }

        double p99Ms() {
            List<Long> sorted = new ArrayList<>(gaps);
            sorted.sort(null);
            return ms(percentile(sorted, 0.99));
        }

        private static long percentile(List<Long> sorted, double p) {
            if (sorted.isEmpty()) {
                return 0;
            }
            int index = (int) Math.ceil(p * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
        }

        private static double ms(long nanos) {
            return nanos / 1e6;
        }
    }
}
