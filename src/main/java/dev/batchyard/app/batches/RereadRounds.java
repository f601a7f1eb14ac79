package dev.batchyard.app.batches;

import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.engine.BatchView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Collects the ids that events touched and re-reads them in rounds: one background call per
 * round, at most one round in flight, rounds at least {@code minInterval} apart. Events that
 * arrive during a round wait for the next one, so a flood costs a few reads a second. Ids whose
 * batch is gone when re-read count as removed. UI thread only.
 */
final class RereadRounds {
    private final BatchReader reader;
    private final TaskExecutor executor;
    private final Clock clock;
    private final Duration minInterval;
    private final BooleanSupplier held;
    private final RoundWork work;
    private final Consumer<Throwable> failed;
    private final Set<String> pendingChanged = new LinkedHashSet<>();
    private final Set<String> pendingRemoved = new LinkedHashSet<>();
    private boolean running;
    private Instant lastRound = Instant.MIN;

    /**
     * @param held  true while no round may start (a snapshot is loading)
     * @param work  what each round's re-read rows and removed ids become: begun on the UI thread,
     *              prepared in the background with the read, finished on the UI thread
     */
    RereadRounds(BatchReader reader, TaskExecutor executor, Clock clock, Duration minInterval, BooleanSupplier held,
                 RoundWork work, Consumer<Throwable> failed) {
        this.reader = reader;
        this.executor = executor;
        this.clock = clock;
        this.minInterval = minInterval;
        this.held = held;
        this.work = work;
        this.failed = failed;
    }

    void add(EventDelta delta) {
        for (String id : delta.removed()) {
            pendingChanged.remove(id);
            pendingRemoved.add(id);
        }
        for (String id : delta.changed()) {
            pendingRemoved.remove(id);
            pendingChanged.add(id);
        }
        for (String id : delta.damaged()) {
            // re-reading a row reads no entries: a batch set aside leaves the table, one left in place stays
            if (!pendingRemoved.contains(id)) {
                pendingChanged.add(id);
            }
        }
        startIfDue();
    }

    /** Forgets what is pending: a full snapshot is coming. */
    void clear() {
        pendingChanged.clear();
        pendingRemoved.clear();
    }

    void startIfDue() {
        if (running || held.getAsBoolean() || (pendingChanged.isEmpty() && pendingRemoved.isEmpty())) {
            return;
        }
        Instant now = clock.instant();
        if (!minInterval.isZero() && Duration.between(lastRound, now).compareTo(minInterval) < 0) {
            return;
        }
        lastRound = now;
        List<String> changed = new ArrayList<>(pendingChanged);
        Set<String> removed = new LinkedHashSet<>(pendingRemoved);
        clear();
        running = true;
        RoundWork.Preparation preparation = work.begin();
        executor.submit(() -> {
            List<BatchView> read = readAll(changed);
            Set<String> found = new HashSet<>();
            read.forEach(v -> found.add(v.id()));
            for (String id : changed) {
                if (!found.contains(id)) {
                    removed.add(id);
                }
            }
            return preparation.prepare(read, removed);
        }, finish -> {
            finish.run();
            running = false;
            startIfDue();
        }, failure -> {
            running = false;
            failed.accept(failure);
        });
    }

    /** The UI's side of a round, so that its merge can run off the UI thread. */
    interface RoundWork {
        /** On the UI thread, as a round starts: captures what the preparation needs. */
        Preparation begin();

        /** Off the UI thread: turns the round's re-read rows and removed ids into the UI thread's part. */
        interface Preparation {
            Runnable prepare(List<BatchView> read, Set<String> removed);
        }
    }

    private List<BatchView> readAll(List<String> ids) {
        List<BatchView> read = new ArrayList<>(ids.size());
        for (String id : ids) {
            Optional<BatchView> view = reader.find(id);
            view.ifPresent(read::add);
        }
        return read;
    }
}
