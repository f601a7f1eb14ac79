package dev.batchyard.app.shell;

import dev.batchyard.app.AppContext;
import dev.batchyard.app.LaunchOptions;
import dev.batchyard.app.common.BackgroundTaskExecutor;
import dev.batchyard.app.common.Messages;
import dev.batchyard.app.common.StoreSession;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.NewBatch;
import dev.batchyard.model.LogEntry;
import dev.batchyard.remote.RemoteConsole;
import dev.batchyard.runtime.Mode;
import dev.batchyard.serve.testsupport.ServedStore;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.prefs.Preferences;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.control.TableColumn;
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
 * Issue 19's speed goals measured at the window (headless Monocle), over a real {@code serve} on
 * loopback holding 1,000,000 batches (filled through the engine before it is served; the server runs
 * in this JVM):
 * <ul>
 *   <li>first screen: from {@link RemoteConsole#open} (the connection and the store's description)
 *       to the table's first row on screen, for a window opened in a running app (the app's first
 *       window, which loads the classes and styles, is reported apart); goal 300 ms;</li>
 *   <li>event to table: another operator persists a batch over HTTP; from just before the call to
 *       the pulse at which the table (sorted newest first, that order read and shown, then left {@value #SETTLE_MILLIS} ms)
 *       shows it in its first row; p99 of
 *       {@value #EVENTS}, goal 250 ms;</li>
 *   <li>heap: used after GC with the window open and its first rows read, minus before it opened
 *       (the server and its store already open), each the least of a few readings (the server's
 *       passes over the store leave temporary arrays alive at some of them); goal 50 MB.</li>
 * </ul>
 * Not a timed test, never part of {@code ./mvnw verify}: run it with
 * {@code ./mvnw -B -o test -Dtest=RemoteMillionBatchesWindowBench -Dremote.million=true -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dremote.million.batches=N} for another size). Prints the figures with the load average
 * and writes {@code target/bench/remote-window-million.json}; fails only if the window never shows them.
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "remote.million", matches = "true")
class RemoteMillionBatchesWindowBench {
    private static final int BATCHES = Integer.getInteger("remote.million.batches", 1_000_000);
    private static final int EVENTS = 100;
    /** How long the table is left after its order changed before the first event is measured. */
    private static final long SETTLE_MILLIS = 2_000;
    private static final int OPENS = Integer.getInteger("remote.million.opens", 1);
    private static final int FILL_THREADS = 8;
    /** Heap readings before and after the window, the least of each kept (see {@link MillionBatchesWindowBench#settledHeapMb}). */
    private static final int HEAP_SAMPLES = 5;

    @TempDir
    Path dir;

    @Test
    void aWindowOverAServeHoldingAMillionBatches(FxRobot robot) throws Exception {
        Path storeDir = dir.resolve("store");
        long fillStart = System.nanoTime();
        ServedStore.seed(storeDir, engine -> {
            ExecutorService pool = Executors.newFixedThreadPool(FILL_THREADS);
            AtomicLong next = new AtomicLong();
            for (int t = 0; t < FILL_THREADS; t++) {
                pool.execute(() -> {
                    for (long i = next.getAndIncrement(); i < BATCHES; i = next.getAndIncrement()) {
                        engine.persistBatch(MillionBatchesWindowBench.id(i), FxPulseBench.entry(i),
                                ServedStore.SINKS.get((int) (i % 2)));
                    }
                });
            }
            pool.shutdown();
            try {
                if (!pool.awaitTermination(60, TimeUnit.MINUTES)) {
                    throw new AssertionError("filling took more than an hour");
                }
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        double fillS = (System.nanoTime() - fillStart) / 1e9;
        Preferences prefs = Preferences.userRoot().node("dev/batchyard/test/" + UUID.randomUUID());
        BackgroundTaskExecutor executor = new BackgroundTaskExecutor(Platform::runLater);
        LaunchOptions options = LaunchOptions.parse(List.of("--store", storeDir.toString()), Map.of(), storeDir);
        try (ServedStore served = new ServedStore(storeDir, Mode.service());
             RemoteConsole producer = RemoteConsole.open(served.endpoint("ben"))) {
            // the app's first window pays for loading its classes and styles: a connection opened in a
            // running app is the second; the first is reported apart
            Opened cold = open(served, options, executor, prefs, robot);
            double coldFirstRowsMs = cold.firstRowsMs();
            WaitForAsyncUtils.asyncFx(() -> {
                cold.context().close();
                cold.stage().close();
            }).get(60, TimeUnit.SECONDS);
            double heapBeforeMb = MillionBatchesWindowBench.settledHeapMb(HEAP_SAMPLES);
            // -Dremote.million.opens=N opens and closes N-1 more windows first (to profile or compare the
            // build over several opens); the figures reported are the last window's
            for (int i = 1; i < OPENS; i++) {
                Opened earlier = open(served, options, executor, prefs, robot);
                WaitForAsyncUtils.asyncFx(() -> {
                    earlier.context().close();
                    earlier.stage().close();
                }).get(60, TimeUnit.SECONDS);
            }
            Opened warm = open(served, options, executor, prefs, robot);
            AppContext context = warm.context();
            double firstRowsMs = warm.firstRowsMs();
            try {
                TableView<BatchView> table = warm.table();
                double heapMb = MillionBatchesWindowBench.settledHeapMb(HEAP_SAMPLES) - heapBeforeMb;
                double[] latencies = eventLatencies(table, producer);
                double p99 = latencies[(int) Math.ceil(latencies.length * 0.99) - 1];
                double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
                String report = String.format(Locale.ROOT, "{\"batches\": %d, \"fillSeconds\": %.1f, "
                                + "\"coldFirstRowsMs\": %.0f, \"connectedMs\": %.0f, \"windowShownMs\": %.0f, \"firstRowsMs\": %.0f, \"rowsLaidOutMs\": %.0f, \"fxCpuToRowsMs\": %.0f, \"eventToTableP50Ms\": %.0f, "
                                + "\"eventToTableP90Ms\": %.0f, \"eventToTableP99Ms\": %.0f, \"eventToTableMaxMs\": %.0f, \"windowHeapMb\": %.1f, \"loadAverage\": %.2f}",
                        BATCHES, fillS, coldFirstRowsMs, warm.connectedMs(), warm.shownMs(), firstRowsMs, warm.rowsLaidOutMs(), warm.fxCpuToRowsLaidOutMs(), latencies[latencies.length / 2],
                        latencies[(int) Math.ceil(latencies.length * 0.9) - 1], p99,
                        latencies[latencies.length - 1], heapMb, load);
                System.out.println("remote-window-million: " + report);
                System.out.println(String.join("\n", List.of("Targets (issue 19, a serve holding " + BATCHES
                                + " batches, load average " + String.format(Locale.ROOT, "%.1f", load) + "):",
                        BenchTargets.line("first screen of rows <= 300 ms", firstRowsMs <= 300, "%.0f ms", firstRowsMs)
                                + String.format(Locale.ROOT, " (the app's first window: %.0f ms)", coldFirstRowsMs),
                        BenchTargets.line("engine event visible in the table p99 <= 250 ms", p99 <= 250, "%.0f ms", p99),
                        BenchTargets.line("the window's heap for the connection <= 50 MB", heapMb <= 50, "%.1f MB", heapMb))));
                Path out = Path.of("target", "bench", "remote-window-million.json");
                Files.createDirectories(out.getParent());
                Files.writeString(out, report + "\n", StandardCharsets.UTF_8);
            } finally {
                WaitForAsyncUtils.asyncFx(context::close).get(60, TimeUnit.SECONDS);
            }
        } finally {
            executor.close();
            prefs.removeNode();
        }
    }

    /**
     * @param connectedMs when the console had the store's description; {@code shownMs} when the window was built and
     *                    shown; {@code firstRowsMs} when the table had its first row; {@code rowsLaidOutMs} the end of the
     *                    pulse that laid the first rows out (its frame is drawn next), with the FX thread's CPU to then
     */
    private record Opened(AppContext context, Stage stage, TableView<BatchView> table, double connectedMs,
                          double shownMs, double firstRowsMs, double rowsLaidOutMs, double fxCpuToRowsLaidOutMs) {
    }

    /** A window over a new connection to {@code served}: the milliseconds from opening it to the first row on screen. */
    private static Opened open(ServedStore served, LaunchOptions options, BackgroundTaskExecutor executor,
                               Preferences prefs, FxRobot robot) throws Exception {
        long openedAt = System.currentTimeMillis();   // to find the open in a JFR recording
        long opening = System.nanoTime();
        RemoteConsole console = RemoteConsole.open(served.endpoint("ana"));
        double connectedMs = (System.nanoTime() - opening) / 1e6;
        Stage stage = WaitForAsyncUtils.asyncFx(() -> new Stage()).get(10, TimeUnit.SECONDS);
        // the FX thread's CPU (load does not inflate it) at the build's start, after AppContext.show,
        // after stage.show, and at the first pulse whose table has its first row (that pulse draws it)
        long[] fxCpu = new long[5];
        long[] rowsLaidOut = new long[1];
        long[] firstRowPulse = new long[1];
        long[] gcAt = new long[2];
        long[] ctorWall = new long[1];
        long[] ctorCpu = new long[1];
        AppContext context = WaitForAsyncUtils.asyncFx(() -> {
            fxCpu[0] = fxCpu();
            gcAt[0] = gcMillis();
            long built = System.nanoTime();
            AppContext app = new AppContext(options, StoreSession.remote(console, Platform::runLater), null,
                    executor, Clock.systemDefaultZone(), new Messages(Locale.ENGLISH), prefs, WindowLayout.MAIN);
            ctorWall[0] = System.nanoTime() - built;
            ctorCpu[0] = fxCpu() - fxCpu[0];
            app.show(stage);
            fxCpu[1] = fxCpu();
            stage.show();
            fxCpu[2] = fxCpu();
            @SuppressWarnings("unchecked")
            TableView<BatchView> shownTable = (TableView<BatchView>) stage.getScene().lookup("#batchTable");
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (!shownTable.getItems().isEmpty() && shownTable.getItems().get(0) != null) {
                        fxCpu[3] = fxCpu();
                        gcAt[1] = gcMillis();
                        firstRowPulse[0] = System.nanoTime();
                        stop();
                    }
                }
            }.start();
            // the end of the first pulse whose layout put a row of the table on screen (its frame is drawn next)
            Runnable[] laidOut = new Runnable[1];
            laidOut[0] = () -> {
                if (shownTable.lookupAll(".table-row-cell").stream().anyMatch(n -> n.isVisible()
                        && n instanceof javafx.scene.control.TableRow<?> row && row.getItem() != null)) {
                    fxCpu[4] = fxCpu();
                    rowsLaidOut[0] = System.nanoTime();
                    stage.getScene().removePostLayoutPulseListener(laidOut[0]);
                }
            };
            stage.getScene().addPostLayoutPulseListener(laidOut[0]);
            return app;
        }).get(120, TimeUnit.SECONDS);
        double shownMs = (System.nanoTime() - opening) / 1e6;
        TableView<BatchView> table = robot.from(stage.getScene().getRoot()).lookup("#batchTable").queryTableView();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> !table.getItems().isEmpty() && table.getItems().get(0) != null).get());
        double firstRowsMs = (System.nanoTime() - opening) / 1e6;
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> firstRowPulse[0] != 0 && rowsLaidOut[0] != 0);
        System.out.printf(Locale.ROOT, "remote-window-million open at %d: connected %.0f, shown %.0f, first-row pulse %.0f, "
                        + "first rows %.0f ms; FX CPU build %.0f, stage.show %.0f, to the first-row pulse %.0f, total %.0f ms%n",
                openedAt, connectedMs, shownMs, (firstRowPulse[0] - opening) / 1e6, firstRowsMs, (fxCpu[1] - fxCpu[0]) / 1e6,
                (fxCpu[2] - fxCpu[1]) / 1e6, (fxCpu[3] - fxCpu[2]) / 1e6, (fxCpu[3] - fxCpu[0]) / 1e6);
        System.out.printf(Locale.ROOT, "remote-window-million open detail: rows laid out %.0f ms (FX CPU %.0f ms); AppContext constructor %.1f ms wall, %.1f ms CPU; "
                        + "GC %d ms%n", (rowsLaidOut[0] - opening) / 1e6, (fxCpu[4] - fxCpu[0]) / 1e6, ctorWall[0] / 1e6,
                ctorCpu[0] / 1e6, gcAt[1] - gcAt[0]);
        return new Opened(context, stage, table, connectedMs, shownMs, firstRowsMs, (rowsLaidOut[0] - opening) / 1e6,
                (fxCpu[4] - fxCpu[0]) / 1e6);
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> Math.max(0, b.getCollectionTime())).sum();
    }

    private static long fxCpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /**
     * {@value #EVENTS} batches persisted by another operator, one at a time a moment apart, the table
     * sorted newest first: the milliseconds from just before each persist to the pulse at which the
     * table's first row is that batch, sorted.
     */
    private static double[] eventLatencies(TableView<BatchView> table, RemoteConsole producer) throws Exception {
        TableColumn<BatchView, ?> created = table.getColumns().stream()
                .filter(c -> "createdColumn".equals(c.getId())).findFirst().orElseThrow();
        WaitForAsyncUtils.asyncFx(() -> {
            created.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(created));
        }).get(10, TimeUnit.SECONDS);
        // the measure is the steady state: the new order read and shown, and the heap readings' full GCs behind
        // (the first two events after them took about 500 ms in a quiet run, every later one under 200)
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> table.getItems().size() > 1
                && table.getItems().get(0) != null && table.getItems().get(1) != null
                && !table.getItems().get(0).createdAt().isBefore(table.getItems().get(1).createdAt())).get());
        Thread.sleep(SETTLE_MILLIS);
        Map<String, Long> seen = new ConcurrentHashMap<>();
        AnimationTimer watch = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (!table.getItems().isEmpty() && table.getItems().get(0) != null) {
                    seen.putIfAbsent(table.getItems().get(0).id(), System.nanoTime());
                }
            }
        };
        WaitForAsyncUtils.asyncFx(watch::start).get(10, TimeUnit.SECONDS);
        List<Double> ms = new ArrayList<>();
        try {
            for (int i = 0; i < EVENTS; i++) {
                String id = "evt-" + UUID.randomUUID();
                long start = System.nanoTime();
                producer.persist(NewBatch.of(id, List.of(LogEntry.builder().timestamp(OffsetDateTime.now())
                        .message("event to table " + i).build()), "loki"));
                long deadline = start + TimeUnit.SECONDS.toNanos(30);
                while (!seen.containsKey(id) && System.nanoTime() < deadline) {
                    Thread.sleep(2);
                }
                if (!seen.containsKey(id)) {
                    throw new AssertionError("batch " + id + " never reached the table's first row");
                }
                ms.add((seen.get(id) - start) / 1e6);
                Thread.sleep(50 + (i * 37) % 200);   // spaced unevenly: not in step with the table's rounds
            }
        } finally {
            WaitForAsyncUtils.asyncFx(watch::stop).get(10, TimeUnit.SECONDS);
        }
        double[] sorted = ms.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted;
    }
}
