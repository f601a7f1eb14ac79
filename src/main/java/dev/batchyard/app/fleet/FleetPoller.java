package dev.batchyard.app.fleet;

import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.connections.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Probes the fleet's connections, each on a thread of its own, and hands the answers to the UI
 * thread together: however many answers arrive between two turns of the UI thread, they are applied
 * in one hand-over.
 * <ul>
 *   <li>At most one probe per connection runs at a time: a connection whose probe is still running
 *       at the next poll is not probed again (a slow server is not piled on).</li>
 *   <li>A probe still running {@code timeout} after it started is answered
 *       {@link ProbeOutcome.TimedOut} at once; the others are never waited for. It is not interrupted:
 *       an interrupt closes the file channels of a store read in this process (NIO's interruptible
 *       channels), and a remote probe ends by itself at its HTTP timeouts. When it ends, its answer,
 *       which describes a moment long past, is dropped, and the connection is probed again at the
 *       next poll.</li>
 * </ul>
 * UI thread only, except the probes' answers, which go through a concurrent queue.
 */
final class FleetPoller implements AutoCloseable {
    /** One probe's answer, for the UI thread. */
    record Answer(Connection connection, ProbeOutcome outcome, Instant at) {
    }

    /** @param late answered {@link ProbeOutcome.TimedOut} already: its own answer is dropped */
    private record Running(long generation, Instant started, Future<?> future, boolean late) {
    }

    private record Delivered(long generation, Answer answer) {
    }

    private final ConnectionProbe probe;
    private final ProbeThreads threads;
    private final TaskExecutor ui;
    private final Clock clock;
    private final Duration timeout;
    private final Consumer<List<Answer>> apply;
    private final Map<Connection, Running> running = new HashMap<>();
    private final Queue<Delivered> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean handOverPending = new AtomicBoolean();
    private long generations;
    private boolean closed;

    /**
     * @param ui    its {@code onUiThread} hands the answers over
     * @param apply takes the answers on the UI thread, in the order they came, once per hand-over
     */
    FleetPoller(ConnectionProbe probe, ProbeThreads threads, TaskExecutor ui, Clock clock, Duration timeout,
                Consumer<List<Answer>> apply) {
        this.probe = probe;
        this.threads = threads;
        this.ui = ui;
        this.clock = clock;
        this.timeout = timeout;
        this.apply = apply;
    }

    /** Starts a probe of each of {@code connections} that has none running. */
    void probe(List<Connection> connections) {
        for (Connection c : connections) {
            if (!closed && !running.containsKey(c)) {
                long generation = ++generations;
                Instant started = clock.instant();
                // registered before it starts: a probe that ends at once finds itself running
                running.put(c, new Running(generation, started, null, false));
                Future<?> future = threads.start(() -> answer(generation, c));
                running.computeIfPresent(c, (k, r) -> r.generation() == generation
                        ? new Running(generation, started, future, r.late()) : r);
            }
        }
    }

    private void answer(long generation, Connection connection) {
        ProbeOutcome outcome = probe.probe(connection);
        inbox.add(new Delivered(generation, new Answer(connection, outcome, clock.instant())));
        if (handOverPending.compareAndSet(false, true)) {
            ui.onUiThread(this::handOver);
        }
    }

    private void handOver() {
        handOverPending.set(false);
        List<Answer> answers = new ArrayList<>();
        for (Delivered d = inbox.poll(); d != null; d = inbox.poll()) {
            Running r = running.get(d.answer().connection());
            if (r != null && r.generation() == d.generation()) { // else forgotten, or the poller stopped
                running.remove(d.answer().connection());
                if (!r.late()) {
                    answers.add(d.answer());
                }
            }
        }
        if (!answers.isEmpty() && !closed) {
            apply.accept(answers);
        }
    }

    /** Answers {@link ProbeOutcome.TimedOut} for the probes running longer than the timeout at {@code now}. */
    void expire(Instant now) {
        List<Answer> late = new ArrayList<>();
        running.replaceAll((c, r) -> {
            if (r.late() || now.isBefore(r.started().plus(timeout))) {
                return r;
            }
            late.add(new Answer(c, new ProbeOutcome.TimedOut(timeout), now));
            return new Running(r.generation(), r.started(), r.future(), true);
        });
        if (!late.isEmpty() && !closed) {
            apply.accept(late);
        }
    }

    /** Whether a probe of {@code connection} is running. */
    boolean probing(Connection connection) {
        return running.containsKey(connection);
    }

    /**
     * {@code connection} left the fleet: a probe not started yet is cancelled, one running will be
     * dropped, and what it kept open is closed (off this thread).
     */
    void forget(Connection connection) {
        Running r = running.remove(connection);
        if (r != null && r.future() != null) {
            r.future().cancel(false);
        }
        threads.start(() -> probe.forget(connection));
    }

    /**
     * Cancels the probes not started yet, drops the answers of those running, and closes what the probes kept open (the fleet window was closed);
     * answers arriving later are dropped. Probing may start again.
     */
    void stop() {
        running.values().stream().map(Running::future).filter(f -> f != null).forEach(f -> f.cancel(false));
        running.clear();
        probe.close();
    }

    /** Stops for good: as {@link #stop()}, and the probes' threads end. */
    @Override
    public void close() {
        closed = true;
        stop();
        threads.close();
    }
}
