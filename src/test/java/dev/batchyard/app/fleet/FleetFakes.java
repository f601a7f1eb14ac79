package dev.batchyard.app.fleet;

import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.connections.Connection;
import dev.batchyard.connections.Environment;
import dev.batchyard.connections.LocalConnection;
import dev.batchyard.connections.RemoteConnection;
import dev.batchyard.console.SinkView;
import dev.batchyard.engine.StoreStats;
import dev.batchyard.engine.events.SinkHealth;
import dev.batchyard.model.BatchState;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/** What the fleet's view-model tests stand on: connections, stats, a scripted probe, executors they drive by hand. */
final class FleetFakes {
    private FleetFakes() {
    }

    static RemoteConnection remote(String name, Environment environment, int port) {
        return new RemoteConnection(name, environment, URI.create("http://127.0.0.1:" + port), Optional.empty(),
                Optional.empty());
    }

    static LocalConnection local(String name, Path store) {
        return new LocalConnection(name, Environment.DEV, store.toAbsolutePath(), Optional.empty());
    }

    /** Stats of a store holding these counts, its oldest batch created at {@code oldest} (or empty). */
    static StoreStats stats(int pending, int inFlight, int retrying, int dead, long bytes, Instant oldest) {
        Map<BatchState, Integer> byState = new EnumMap<>(BatchState.class);
        for (BatchState s : BatchState.values()) {
            byState.put(s, 0);
        }
        byState.put(BatchState.PENDING, pending);
        byState.put(BatchState.IN_FLIGHT, inFlight);
        byState.put(BatchState.RETRY_WAIT, retrying);
        byState.put(BatchState.DEAD, dead);
        return new StoreStats(byState, Map.of(), 0, bytes, bytes, oldest == null ? null : oldest.atOffset(ZoneOffset.UTC),
                false, true, null);
    }

    static ProbeOutcome.Read read(int pending) {
        return new ProbeOutcome.Read(stats(pending, 0, 0, 0, 0, null), List.of(SinkView.of("loki", SinkHealth.CLOSED)));
    }

    /** A probe answering from a script per connection; records what it was asked and told. Thread-safe. */
    static final class ScriptedProbe implements ConnectionProbe {
        final Map<Connection, Function<Connection, ProbeOutcome>> script = new ConcurrentHashMap<>();
        final List<Connection> probed = java.util.Collections.synchronizedList(new ArrayList<>());
        final List<Connection> forgotten = java.util.Collections.synchronizedList(new ArrayList<>());
        volatile int closed;

        ScriptedProbe answer(Connection c, Function<Connection, ProbeOutcome> outcome) {
            script.put(c, outcome);
            return this;
        }

        long probes(Connection c) {
            synchronized (probed) {
                return probed.stream().filter(c::equals).count();
            }
        }

        @Override
        public ProbeOutcome probe(Connection connection) {
            probed.add(connection);
            return script.getOrDefault(connection, c -> new ProbeOutcome.NotOpen()).apply(connection);
        }

        @Override
        public void forget(Connection connection) {
            forgotten.add(connection);
        }

        @Override
        public void close() {
            closed++;
        }
    }

    /** Probes run at once on the caller's thread. */
    static ProbeThreads inline() {
        return new ProbeThreads() {
            @Override
            public Future<?> start(Runnable probe) {
                probe.run();
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void close() {
            }
        };
    }

    /** Probes held until the test runs them. */
    static final class HeldProbes implements ProbeThreads {
        final Deque<Runnable> held = new ArrayDeque<>();

        @Override
        public Future<?> start(Runnable probe) {
            held.add(probe);
            return new CompletableFuture<>();
        }

        void runAll() {
            while (!held.isEmpty()) {
                held.removeFirst().run();
            }
        }

        @Override
        public void close() {
        }
    }

    /**
     * Background work runs at once on the caller's thread; hand-overs to the UI thread wait in a
     * queue (thread-safe) until the test, playing the UI thread, runs them.
     */
    static final class UiQueue implements TaskExecutor {
        final java.util.concurrent.LinkedBlockingQueue<Runnable> ui = new java.util.concurrent.LinkedBlockingQueue<>();

        @Override
        public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
            T result;
            try {
                result = work.call();
            } catch (Exception | Error e) {
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(result);
        }

        @Override
        public void onUiThread(Runnable update) {
            ui.add(update);
        }

        /** Runs the hand-overs waiting now; how many there were. */
        int runUi() {
            List<Runnable> waiting = new ArrayList<>();
            ui.drainTo(waiting);
            waiting.forEach(Runnable::run);
            return waiting.size();
        }

        /** Waits up to 10 s for a hand-over, runs it and those behind it. */
        void awaitUi() throws InterruptedException {
            Runnable first = ui.poll(10, java.util.concurrent.TimeUnit.SECONDS);
            if (first == null) {
                throw new AssertionError("no answer reached the UI thread within 10 s");
            }
            first.run();
            runUi();
        }
    }
}
