package dev.batchyard.app.shell;

import dev.batchyard.app.AppContext;
import dev.batchyard.app.FileDelivery;
import dev.batchyard.app.LaunchOptions;
import dev.batchyard.app.TestStore;
import dev.batchyard.app.common.BackgroundTaskExecutor;
import dev.batchyard.app.common.Messages;
import dev.batchyard.console.Access;
import dev.batchyard.console.BatchOrder;
import dev.batchyard.console.PageRequest;
import dev.batchyard.engine.BatchQuery;
import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.EngineOptions;
import dev.batchyard.engine.PersistenceConfig;
import dev.batchyard.engine.events.EventBus;
import dev.batchyard.model.Actor;
import dev.batchyard.runtime.AppConsoles;
import dev.batchyard.runtime.EmbeddedConsole;
import dev.batchyard.runtime.SinkLayer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 23's second measurement: the real main window opened on a 1,000,000-batch store (headless
 * Monocle). Reports when the first rows are on screen, the heap the window adds to the engine's,
 * how long a sort and a text filter of all rows take until the table shows them, and the FX
 * thread's longest block (the longest gap between pulses) while it opens, sorts and filters, with
 * each goal MET or MISSED. Never part of {@code ./mvnw verify}; run it with
 * {@code ./mvnw -B -o test -Dtest=MillionBatchesWindowBench -Dfx.million=true -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dfx.million.batches=N} for another size; {@code -Dfx.million.store=DIR} keeps the filled
 * store there and reopens it on the next run instead of filling again). Writes
 * {@code target/bench/fx-million.json}. It fails only if the window never shows the rows. The table is a
 * window onto the store: "all rows" is when its list (the scrollbar) spans every batch, the rows read
 * being those on screen; it also times a jump to row 500,000, the FX thread left there for 3 s
 * ({@code restDeep}), and the store's own part of each read ({@code storeMs}). The runs so far and
 * their targets are in {@code docs/fx-pulse.md}.
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "fx.million", matches = "true")
class MillionBatchesWindowBench {
    private static final int BATCHES = Integer.getInteger("fx.million.batches", 1_000_000);
    private static final String KEPT_STORE = System.getProperty("fx.million.store", "");
    private static final int FILL_THREADS = 32;
    private static final double FIRST_ROWS_GOAL_S = 2.0;
    private static final double HEAP_GOAL_MB = 500;
    private static final double SORT_FILTER_GOAL_MS = 500;
    private static final double FRAME_MS = 1000.0 / 60;
    private static final long REST_DEEP_MS = 3_000;
    private static final long JUMP_SETTLES_MS = 500;

    @TempDir
    Path dir;

    @Test
    void windowOnAMillionBatches(FxRobot robot) throws Exception {
        Path storeDir = KEPT_STORE.isBlank() ? dir.resolve("store") : Path.of(KEPT_STORE);
        boolean reopen = Files.isDirectory(storeDir) && Files.list(storeDir).findAny().isPresent();
        FileDelivery delivery = new FileDelivery(dir.resolve("delivered"), TestStore.SINKS);
        long openStart = System.nanoTime();
        BatchPersistence engine = BatchPersistence.open(config(storeDir), delivery, Clock.systemDefaultZone(),
                new EventBus(Clock.systemUTC()), EngineOptions.defaults());
        double engineOpenS = seconds(openStart);
        double fillS = 0;
        if (!reopen) {
            long fillStart = System.nanoTime();
            fill(engine);
            fillS = seconds(fillStart);
        }
        System.out.printf(Locale.ROOT, "store: %d batches (%s, %.1f s), engine open %.1f s%n", BATCHES,
                reopen ? "reopened" : "filled", fillS, engineOpenS);
        double engineHeapMb = usedHeapMb();

        Preferences prefs = Preferences.userRoot().node("dev/batchyard/test/" + UUID.randomUUID());
        BackgroundTaskExecutor executor = new BackgroundTaskExecutor(Platform::runLater);
        LaunchOptions options = LaunchOptions.parse(List.of("--store", engine.directory().toString()), Map.of(), dir);
        FxPulseBench.PulseClock clock = new FxPulseBench.PulseClock();
        FxPulseBench.PulseGaps opening = new FxPulseBench.PulseGaps(clock);
        long shown = System.nanoTime();
        AppContext context = WaitForAsyncUtils.asyncFx(() -> {
            clock.start();
            opening.start();
            // the console the app opens on a writable store (first pages by creation kept, not a pass per round)
            AppContext app = new AppContext(options, AppConsoles.asTheAppOpensIt(engine,
                    SinkLayer.fixed(delivery, List.of(TestStore.SINKS)), Actor.osUser(), new Access.Writable()), null,
                    executor, Clock.systemDefaultZone(), new Messages(Locale.ENGLISH), prefs);
            Stage stage = new Stage();
            app.show(stage);
            stage.show();
            return app;
        }).get(120, TimeUnit.SECONDS);
        try {
            TableView<BatchView> table = robot.lookup("#batchTable").queryTableView();
            double firstRowsS = secondsUntil(shown, () -> !table.getItems().isEmpty() && table.getItems().get(0) != null);
            // the table is a window onto the store: the scrollbar spans every batch, only the rows on screen are read
            double allRowsS = secondsUntil(shown, () -> table.getItems().size() >= BATCHES);
            WaitForAsyncUtils.asyncFx(opening::stop).get(30, TimeUnit.SECONDS);
            double heapMb = usedHeapMb();

            FxPulseBench.PulseGaps acting = new FxPulseBench.PulseGaps(clock);
            WaitForAsyncUtils.asyncFx(acting::start).get(10, TimeUnit.SECONDS);
            TableColumn<BatchView, ?> retries = table.getColumns().stream()
                    .filter(c -> "retriesColumn".equals(c.getId())).findFirst().orElseThrow();
            // each phase's own longest gap too, to tell which one blocks the FX thread
            FxPulseBench.PulseGaps sorting = new FxPulseBench.PulseGaps(clock);
            FxPulseBench.PulseGaps scrolling = new FxPulseBench.PulseGaps(clock);
            FxPulseBench.PulseGaps filtering = new FxPulseBench.PulseGaps(clock);
            // the FX thread's CPU time at each phase's start (sort, jump, rest deep, filter) and at the end:
            // load does not inflate it
            long[] fxCpu = new long[5];
            long sortStart = System.nanoTime();
            WaitForAsyncUtils.asyncFx(() -> {
                fxCpu[0] = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                sorting.watch(table.getScene());
                sorting.start();
                retries.setSortType(TableColumn.SortType.DESCENDING);
                table.getSortOrder().setAll(List.of(retries));
            }).get(10, TimeUnit.SECONDS);
            // every 1,000th batch has a retry, the others none: sorted, the marked ones come first, and the
            // rows on screen (the first 20) are all marked ones
            double sortMs = secondsUntil(sortStart, () -> table.getItems().size() >= BATCHES
                    && IntStream.range(0, 20).allMatch(i -> table.getItems().get(i) != null
                            && table.getItems().get(i).retryCount() > 0)) * 1000;
            // a jump of the scrollbar to the middle: rows 500,000.. of the sort, read at that offset
            int middle = BATCHES / 2;
            long scrollStart = System.nanoTime();
            WaitForAsyncUtils.asyncFx(() -> {
                sorting.stop();
                fxCpu[1] = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                scrolling.start();
                table.scrollTo(middle);
            }).get(10, TimeUnit.SECONDS);
            double scrollMs = secondsUntil(scrollStart, () -> table.getItems().get(middle) != null) * 1000;
            // not a goal: the window left there for a while (the age column's ticks, the once-a-second reads), where
            // each layout of JavaFX 21's VirtualFlow walks its rows down to the one shown; the jump's phase keeps the
            // half second after its rows are read, in which they are laid out
            Thread.sleep(JUMP_SETTLES_MS);
            FxPulseBench.PulseGaps restingDeep = new FxPulseBench.PulseGaps(clock);
            WaitForAsyncUtils.asyncFx(() -> {
                scrolling.stop();
                fxCpu[2] = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                restingDeep.watch(table.getScene());
                restingDeep.start();
            }).get(10, TimeUnit.SECONDS);
            Thread.sleep(REST_DEEP_MS);
            String text = id(BATCHES / 2).substring(0, id(0).length() - 2);  // 100 ids share it
            TextField search = robot.lookup("#filterText").queryAs(TextField.class);
            long filterStart = System.nanoTime();
            WaitForAsyncUtils.asyncFx(() -> {
                restingDeep.stop();
                fxCpu[3] = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                filtering.watch(table.getScene());
                filtering.start();
                search.setText(text);
            }).get(10, TimeUnit.SECONDS);
            double filterMs = secondsUntil(filterStart, () -> table.getItems().size() == 100
                    && table.getItems().get(0) != null && table.getItems().get(99) != null) * 1000;
            WaitForAsyncUtils.asyncFx(() -> {
                filtering.stop();
                fxCpu[4] = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                acting.stop();
            }).get(30, TimeUnit.SECONDS);
            String phases = String.format(Locale.ROOT, "{\"sortWorstMs\": %.1f, \"scrollWorstMs\": %.1f, "
                            + "\"restDeepWorstMs\": %.1f, \"filterWorstMs\": %.1f, \"sortFxCpuMs\": %.0f, "
                            + "\"scrollFxCpuMs\": %.0f, \"restDeepFxCpuMsPerS\": %.0f, \"filterFxCpuMs\": %.0f}",
                    sorting.worstMs(), scrolling.worstMs(), restingDeep.worstMs(), filtering.worstMs(),
                    (fxCpu[1] - fxCpu[0]) / 1e6, (fxCpu[2] - fxCpu[1]) / 1e6,
                    (fxCpu[3] - fxCpu[2]) / 1e6 / (REST_DEEP_MS / 1000.0), (fxCpu[4] - fxCpu[3]) / 1e6);
            String store = storeTimings(engine, delivery, text);
            System.out.println("fx-million store: " + store);

            String report = String.format(Locale.ROOT, "{\"batches\": %d, \"store\": \"%s\", \"fillSeconds\": %.1f, "
                            + "\"engineOpenSeconds\": %.1f, \"firstRowsSeconds\": %.2f, \"allRowsSeconds\": %.2f, "
                            + "\"engineHeapMb\": %.0f, \"heapWithWindowMb\": %.0f, \"windowHeapMb\": %.0f, "
                            + "\"sortMs\": %.0f, \"scrollToMiddleMs\": %.0f, \"filterMs\": %.0f, \"opening\": %s, "
                            + "\"sortAndFilter\": %s, \"phases\": %s, \"storeMs\": %s, \"loadAverage\": %.2f}",
                    BATCHES, reopen ? "reopened" : "filled", fillS, engineOpenS, firstRowsS, allRowsS, engineHeapMb,
                    heapMb, heapMb - engineHeapMb, sortMs, scrollMs, filterMs, opening.summary(), acting.summary(), phases, store,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.println("fx-million: " + report);
            System.out.println("fx-million sorting, worst gaps:\n" + sorting.worstGaps(3));
            System.out.println("fx-million filtering, worst gaps:\n" + filtering.worstGaps(3));
            System.out.println("fx-million resting at row " + middle + ", worst gaps:\n" + restingDeep.worstGaps(3));
            System.out.println(targets(firstRowsS, heapMb - engineHeapMb, sortMs, filterMs,
                    Math.max(sorting.worstMs(), filtering.worstMs())));
            // beyond the goal, which ties "never blocked more than one frame" to the sort and the filter
            System.out.printf(Locale.ROOT, "Not a goal: the FX thread's longest block while opening %.0f ms, "
                    + "while jumping to row %,d %.0f ms%n", opening.worstMs(), middle, scrolling.worstMs());
            Path out = Path.of("target", "bench", "fx-million.json");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report + "\n", StandardCharsets.UTF_8);
        } finally {
            WaitForAsyncUtils.asyncFx(clock::stop).get(30, TimeUnit.SECONDS);
            WaitForAsyncUtils.asyncFx(context::close).get(60, TimeUnit.SECONDS);
            executor.close();
            engine.close();
            prefs.removeNode();
        }
    }

    /**
     * The store's part of each read the window made, asked directly of a console over the same engine
     * (median of 5, milliseconds): what is left of the window's figures is the window's own work and
     * the wait for the app's two background threads (and, on a loaded machine, for a core).
     */
    private static String storeTimings(BatchPersistence engine, FileDelivery delivery, String text) {
        BatchOrder byRetries = new BatchOrder(BatchOrder.Field.RETRIES, BatchOrder.Direction.DESCENDING);
        try (EmbeddedConsole direct = new EmbeddedConsole(engine, SinkLayer.fixed(delivery, List.of(TestStore.SINKS)),
                Actor.osUser(), new Access.Writable())) {
            return String.format(Locale.ROOT, "{\"firstPage\": %.0f, \"sortedByRetries\": %.0f, \"atTheMiddle\": %.0f, "
                            + "\"filteredByText\": %.0f, \"count\": %.0f}",
                    medianMs(() -> direct.batches(BatchQuery.all(), BatchOrder.OLDEST_FIRST, PageRequest.at(0, 230))),
                    medianMs(() -> direct.batches(BatchQuery.all(), byRetries, PageRequest.at(0, 230))),
                    medianMs(() -> direct.batches(BatchQuery.all(), byRetries, PageRequest.at(BATCHES / 2 - 100, 230))),
                    medianMs(() -> direct.batches(BatchQuery.all().withText(text), byRetries, PageRequest.at(0, 230))),
                    medianMs(() -> direct.batches(BatchQuery.all(), BatchOrder.OLDEST_FIRST, PageRequest.at(0, 1))));
        }
    }

    private static double medianMs(Runnable read) {
        double[] ms = new double[5];
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            read.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        java.util.Arrays.sort(ms);
        return ms[ms.length / 2];
    }

    /**
     * The goals as issue 23 words them: "first rows on screen <= 2 s, the window's heap <= 500 MB, a sort or filter of
     * all rows <= 500 ms off the FX thread with the FX thread never blocked more than one frame". A block of one
     * frame delays the next pulse by at most a frame, so the longest gap between pulses while sorting and filtering
     * may be two frames.
     */
    private static String targets(double firstRowsS, double windowHeapMb, double sortMs, double filterMs,
                                  double worstGapMs) {
        List<String> lines = new ArrayList<>();
        lines.add("Targets (issue 23, a 1,000,000-batch store):");
        lines.add(BenchTargets.line("first rows on screen <= 2 s", firstRowsS <= FIRST_ROWS_GOAL_S, "%.2f s", firstRowsS));
        lines.add(BenchTargets.line("the window's heap <= 500 MB", windowHeapMb <= HEAP_GOAL_MB, "%.0f MB", windowHeapMb));
        lines.add(BenchTargets.line("a sort of all rows <= 500 ms", sortMs <= SORT_FILTER_GOAL_MS, "%.0f ms", sortMs));
        lines.add(BenchTargets.line("a filter of all rows <= 500 ms", filterMs <= SORT_FILTER_GOAL_MS, "%.0f ms", filterMs));
        lines.add(BenchTargets.line("sort, filter: FX never blocked over a frame", worstGapMs <= 2 * FRAME_MS,
                "longest pulse gap %.0f ms", worstGapMs));
        return String.join("\n", lines);
    }

    /** Seconds from {@code start} until {@code condition} holds on the FX thread (checked every 5 ms). */
    private static double secondsUntil(long start, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(600, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        return seconds(start);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * The least of {@code samples} readings of {@link #usedHeapMb}, a moment apart: with a server in
     * the same JVM, a reading can catch its passes over the store (the recovery loop's scan, a count
     * of a million batches) in the middle, their temporary arrays alive; the least is the heap that
     * stays.
     */
    static double settledHeapMb(int samples) throws InterruptedException {
        double least = Double.MAX_VALUE;
        for (int i = 0; i < samples; i++) {
            least = Math.min(least, usedHeapMb());
            Thread.sleep(300);
        }
        return least;
    }

    static double usedHeapMb() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) / (1024.0 * 1024);
    }

    private static PersistenceConfig config(Path store) {
        PersistenceConfig defaults = PersistenceConfig.defaults(store);
        return new PersistenceConfig(true, store, 2_000_000, defaults.batchTimeout(), 1_000,
                Duration.ofMinutes(5), Duration.ofMinutes(30), defaults.cleanupInterval(), Duration.ofDays(30));
    }

    /** {@code BATCHES} 1-entry batches from 32 threads; every 1,000th is then marked failed (1 retry). */
    private static void fill(BatchPersistence engine) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(FILL_THREADS);
        AtomicLong next = new AtomicLong();
        AtomicLong done = new AtomicLong();
        for (int t = 0; t < FILL_THREADS; t++) {
            pool.execute(() -> {
                for (long i = next.getAndIncrement(); i < BATCHES; i = next.getAndIncrement()) {
                    engine.persistBatch(id(i), FxPulseBench.entry(i), TestStore.SINKS[(int) (i % TestStore.SINKS.length)]);
                    if (done.incrementAndGet() % 100_000 == 0) {
                        System.out.println("filled " + done.get());
                    }
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(60, TimeUnit.MINUTES)) {
            throw new AssertionError("filling the store took more than an hour");
        }
        for (long i = 0; i < BATCHES; i += 1_000) {
            engine.markBatchFailed(id(i), "dial tcp 10.0.0.5:3100: connection refused");
        }
    }

    static String id(long i) {
        return String.format(Locale.ROOT, "bench-%07d", i);
    }
}
