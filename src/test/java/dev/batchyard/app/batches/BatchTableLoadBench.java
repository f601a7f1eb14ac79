package dev.batchyard.app.batches;

import dev.batchyard.app.common.BackgroundTaskExecutor;
import dev.batchyard.app.common.EventBridge;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.EventBus;
import dev.batchyard.model.BatchState;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * How much UI-thread time the batches table costs with 100,000 rows and 5,000 engine events a
 * second: a producer publishes on a real {@link EventBus}; a single "UI" thread pulses at 60 Hz,
 * draining the bridge into the view model (sorted by retries, filtered by text) and applying the
 * background re-reads. Prints per-pulse times. Not a unit test (no assertions on a shared
 * machine's timings); run it with
 * {@code ./mvnw -q -o test-compile exec:java}-free: {@code java -cp target/classes:target/test-classes:<deps>
 * dev.batchyard.app.batches.BatchTableLoadBench}, or from an IDE.
 */
public final class BatchTableLoadBench {
    private static final int ROWS = 100_000;
    private static final int EVENTS_PER_SECOND = 5_000;
    private static final int SECONDS = 10;

    public static void main(String[] args) throws Exception {
        Map<String, BatchView> store = new ConcurrentHashMap<>();
        for (int i = 0; i < ROWS; i++) {
            BatchView v = Batches.failing("b-" + i, "loki", i % 10, "dial tcp 10.0.0." + (i % 200) + ":3100: refused");
            store.put(v.id(), v);
        }
        BatchReader reader = new BatchReader() {
            @Override
            public List<BatchView> snapshot() {
                return new ArrayList<>(store.values());
            }

            @Override
            public Optional<BatchView> find(String id) {
                return Optional.ofNullable(store.get(id));
            }
        };
        ExecutorService ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "fake-fx"));
        java.util.concurrent.atomic.AtomicLong uiBusy = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong uiMax = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong rounds = new java.util.concurrent.atomic.AtomicLong();
        // every UI task the view model queues (the re-read answers) is timed
        BackgroundTaskExecutor tasks = new BackgroundTaskExecutor(command -> ui.execute(() -> {
            long t0 = System.nanoTime();
            command.run();
            long took = System.nanoTime() - t0;
            uiBusy.addAndGet(took);
            uiMax.accumulateAndGet(took, Math::max);
            rounds.incrementAndGet();
        }));
        EventBus bus = new EventBus(Clock.systemUTC());
        EventBridge bridge = new EventBridge(bus.subscribe(65_536));
        BatchTableViewModel[] model = new BatchTableViewModel[1];
        ui.submit(() -> {
            model[0] = new BatchTableViewModel(reader, tasks, Clock.systemUTC(), java.time.Duration.ofMillis(250),
                    new dev.batchyard.i18n.EngineTexts(dev.batchyard.i18n.Language.ENGLISH));
            model[0].comparatorProperty().set(Comparator.comparingInt(BatchView::retryCount));
            model[0].textProperty().set("10.0.0.1");
            bridge.addListener(model[0]::onEvents);
            model[0].refresh();
        }).get();
        Thread.sleep(3_000);
        System.out.printf("rows %d, shown after filter %d%n", ui.submit(() -> model[0].totalProperty().get()).get(),
                ui.submit(() -> model[0].shownProperty().get()).get());

        uiBusy.set(0);
        uiMax.set(0);
        rounds.set(0);
        Thread producer = new Thread(() -> produce(bus, store));
        producer.start();
        long[] pulseNanos = new long[SECONDS * 60];
        for (int p = 0; p < pulseNanos.length; p++) {
            int index = p;
            pulseNanos[index] = ui.submit(() -> {
                long t0 = System.nanoTime();
                bridge.pump();
                model[0].pulse();
                return System.nanoTime() - t0;
            }).get();
            Thread.sleep(16);
        }
        producer.interrupt();
        producer.join();
        // the re-reads land on the UI thread as separate tasks; time them as a whole too
        long busy = Arrays.stream(pulseNanos).sum();
        Arrays.sort(pulseNanos);
        System.out.printf("pulse (drain + delta) ms: median %.2f, p99 %.2f, max %.2f; drain total %.0f ms in %d s%n",
                pulseNanos[pulseNanos.length / 2] / 1e6, pulseNanos[pulseNanos.length * 99 / 100] / 1e6,
                pulseNanos[pulseNanos.length - 1] / 1e6, busy / 1e6, SECONDS);
        System.out.printf("re-read rounds applied %d, UI time %.0f ms (%.1f%% of %d s), longest %.1f ms%n",
                rounds.get(), uiBusy.get() / 1e6, uiBusy.get() / 1e6 / (SECONDS * 10.0), SECONDS, uiMax.get() / 1e6);
        long t0 = System.nanoTime();
        ui.submit(() -> { }).get();
        System.out.printf("UI queue latency after the run: %.2f ms%n", (System.nanoTime() - t0) / 1e6);
        roundInIsolation(store);
        tasks.close();
        ui.shutdown();
        ui.awaitTermination(5, TimeUnit.SECONDS);
    }

    /**
     * One round (1,250 changes: a quarter second of events) merged into 100,000 rows sorted by
     * retries, 30 times; the minimum is the cost without the machine's other load.
     */
    private static void roundInIsolation(Map<String, BatchView> store) {
        VisibleRows rows = new VisibleRows();
        Comparator<BatchView> order = Comparator.comparingInt(BatchView::retryCount);
        rows.rebuild(new ArrayList<>(store.values()), v -> true, order);
        List<String> ids = new ArrayList<>(store.keySet());
        Random random = new Random(3);
        long[] took = new long[30];
        java.time.Duration cpuBefore = ProcessHandle.current().info().totalCpuDuration().orElseThrow();
        for (int r = 0; r < took.length; r++) {
            List<BatchView> updated = new ArrayList<>();
            java.util.Set<String> removed = new java.util.HashSet<>();
            for (int i = 0; i < 1_250; i++) {
                String id = ids.get(random.nextInt(ids.size()));
                if (i % 5 == 0) {
                    removed.add(id);
                } else {
                    updated.add(Batches.failing(id, "loki", random.nextInt(10), "x"));
                }
            }
            long t0 = System.nanoTime();
            rows.apply(updated, removed);
            took[r] = System.nanoTime() - t0;
        }
        java.time.Duration cpu = ProcessHandle.current().info().totalCpuDuration().orElseThrow().minus(cpuBefore);
        Arrays.sort(took);
        // CPU time is what a round costs on a core of its own; wall time includes waiting for one
        System.out.printf("one round of 1,250 changes on %,d rows: wall min %.1f ms, median %.1f ms; "
                        + "process CPU per round %.1f ms%n", rows.list().size(), took[0] / 1e6,
                took[took.length / 2] / 1e6, cpu.toNanos() / 1e6 / took.length);
    }

    /** 5,000 events a second on random rows: failures that change a row, deliveries that remove one. */
    private static void produce(EventBus bus, Map<String, BatchView> store) {
        Random random = new Random(1);
        int next = ROWS;
        long start = System.nanoTime();
        long sent = 0;
        while (!Thread.currentThread().isInterrupted()) {
            long due = (System.nanoTime() - start) * EVENTS_PER_SECOND / 1_000_000_000L;
            for (; sent < due; sent++) {
                String id = "b-" + random.nextInt(ROWS);
                Instant now = Instant.now();
                switch ((int) (sent % 5)) {
                    case 0 -> {
                        store.remove(id);
                        bus.publish(new BatchEvent.Delivered(now, id, "loki", java.time.Duration.ofMillis(5)));
                    }
                    case 1 -> {
                        String fresh = "b-" + next++;
                        store.put(fresh, Batches.pending(fresh, "loki"));
                        bus.publish(new BatchEvent.Persisted(now, fresh, "loki", 10, 1_000));
                    }
                    default -> {
                        BatchView old = store.get(id);
                        if (old != null) {
                            store.put(id, Batches.view(id, "loki", BatchState.RETRY_WAIT, old.retryCount() + 1,
                                    "dial tcp 10.0.0.1:3100: refused", Batches.T0));
                        }
                        bus.publish(new BatchEvent.DeliveryFailed(now, id, "loki", "refused", 1, now));
                    }
                }
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
