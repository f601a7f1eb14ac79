package dev.batchyard.demo;

import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.NewBatch;
import dev.batchyard.engine.store.BackPressureException;
import dev.batchyard.model.LogEntry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Persists demo batches at a chosen rate, spread over the given sinks, through the engine's
 * {@code persistBatch} (pass {@code persistence::persistBatch}). Start, stop and a new rate take
 * effect at once and may be called from any thread. A full store (back-pressure) or any other
 * refusal is counted, never fatal: the generator keeps its rhythm. Owns one daemon thread, ended
 * by {@link #close()}.
 */
public final class TrafficGenerator implements AutoCloseable {
    /** The engine's {@code persistBatch(NewBatch)}. */
    @FunctionalInterface
    public interface BatchWriter {
        BatchView persist(NewBatch batch);
    }

    public static final double MAX_RATE = 1000;
    private final BatchWriter writer;
    private final List<String> sinks;
    private final DemoEntries entries;
    private final Random random;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong entryCount = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile String lastError = "";
    private volatile int entriesPerBatch;
    private double rate;
    private ScheduledFuture<?> ticking;
    /** Held while a scheduled batch is being made, so {@link #stop()} can wait for it. */
    private final Object tickInProgress = new Object();
    private volatile boolean active;

    public TrafficGenerator(BatchWriter writer, List<String> sinks, double batchesPerSecond, int entriesPerBatch,
                            Clock clock, long seed) {
        if (sinks.isEmpty()) {
            throw new IllegalArgumentException("the traffic generator needs at least one sink to address");
        }
        this.writer = writer;
        this.sinks = List.copyOf(sinks);
        this.random = new Random(seed);
        this.entries = new DemoEntries(new Random(seed + 1), clock);
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "demo-traffic");
            t.setDaemon(true);
            return t;
        });
        this.rate = checkRate(batchesPerSecond);
        setEntriesPerBatch(entriesPerBatch);
    }

    public synchronized void start() {
        if (ticking == null) {
            active = true;
            long periodMicros = Math.max(1, Math.round(1_000_000 / rate));
            ticking = timer.scheduleAtFixedRate(this::tick, 0, periodMicros, TimeUnit.MICROSECONDS);
        }
    }

    /** Stops ticking; once this returns, no further batch is persisted by the timer. */
    public synchronized void stop() {
        if (ticking != null) {
            active = false;
            ticking.cancel(false);
            ticking = null;
            synchronized (tickInProgress) {
                // waits for a tick that was already under way
            }
        }
    }

    public synchronized boolean isRunning() {
        return ticking != null;
    }

    /** Batches per second, more than 0 and at most {@link #MAX_RATE}; applies at once if running. */
    public synchronized void setRate(double batchesPerSecond) {
        rate = checkRate(batchesPerSecond);
        if (ticking != null) {
            stop();
            start();
        }
    }

    public void setEntriesPerBatch(int n) {
        if (n < 1 || n > 10_000) {
            throw new IllegalArgumentException("entries per batch must be 1..10000, was " + n);
        }
        entriesPerBatch = n;
    }

    private static double checkRate(double r) {
        if (!(r > 0 && r <= MAX_RATE)) {
            throw new IllegalArgumentException("rate must be > 0 and <= " + MAX_RATE + " batches/s, was " + r);
        }
        return r;
    }

    private void tick() {
        synchronized (tickInProgress) {
            if (!active) {
                return;
            }
            try {
                generateOnce();
            } catch (RuntimeException e) {
                // Counted in generateOnce; a scheduled task that throws would silently stop ticking.
            }
        }
    }

    /** Builds and persists one batch now; returns what the store answered. */
    public BatchView generateOnce() {
        int n = entriesPerBatch;
        List<LogEntry> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(entries.next());
        }
        String id = "demo-" + clock.millis() + "-" + sequence.incrementAndGet();
        String sink = sinks.get(random.nextInt(sinks.size()));
        try {
            BatchView view = writer.persist(NewBatch.of(id, list, sink));
            batches.incrementAndGet();
            entryCount.addAndGet(n);
            return view;
        } catch (BackPressureException e) {
            rejected.incrementAndGet();
            lastError = e.getMessage();
            throw e;
        } catch (RuntimeException e) {
            failed.incrementAndGet();
            lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
            throw e;
        }
    }

    public synchronized TrafficStats stats() {
        return new TrafficStats(ticking != null, rate, batches.get(), entryCount.get(), rejected.get(), failed.get(),
                lastError);
    }

    @Override
    public void close() {
        stop();
        timer.shutdownNow();
    }
}
