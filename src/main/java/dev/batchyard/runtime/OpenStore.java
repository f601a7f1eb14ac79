package dev.batchyard.runtime;

import dev.batchyard.console.Access;
import dev.batchyard.console.Console;
import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.model.Actor;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A store opened by the {@link StoreOpener}: the engine, the sinks it delivers through and the bus
 * they share. Everything is reached through its consoles, one per actor; the engine itself is not
 * handed out. {@link #close()} is the one close order: the engine (stops its loops, lets queued
 * writes finish, writes a checkpoint, releases the lock), then the sinks (their threads and
 * connections). Thread-safe; closing twice is harmless.
 */
public final class OpenStore implements AutoCloseable {
    private final BatchPersistence engine;
    private final SinkLayer sinks;
    private final Access access;
    /**
     * The first rows by creation, shared by the consoles; made now, so that its event mailbox is
     * subscribed before any console's (see {@link CreationOrderRows}). Only for a writable store, whose
     * every change this process makes and tells; a read-only view pages by passes.
     */
    private final CreationOrderRows firstRows;
    private final AtomicBoolean closed = new AtomicBoolean();

    OpenStore(BatchPersistence engine, SinkLayer sinks, Access access) {
        this.engine = engine;
        this.sinks = sinks;
        this.access = access;
        this.firstRows = access.writable() ? new CreationOrderRows(engine, java.time.Clock.systemUTC()) : null;
    }

    /**
     * A console acting as {@code actor}; closing it leaves the store open.
     *
     * @throws IllegalStateException once this store is closed
     */
    public Console console(Actor actor) {
        if (closed.get()) {
            throw new IllegalStateException("the store is closed; open it again for a console");
        }
        return new EmbeddedConsole(engine, sinks, actor, access, firstRows);
    }

    /**
     * The store's own instrumentation for a service's metrics and health check (not operator data,
     * so not on a console).
     */
    public StoreMonitor monitor() {
        return new StoreMonitor() {
            @Override
            public java.util.List<dev.batchyard.engine.SinkBacklog> backlog() {
                return engine.backlog();
            }

            @Override
            public String healthProblem() {
                return engine.healthProblem();
            }
        };
    }

    /** Whether this store may be changed, and if not, why. */
    public Access access() {
        return access;
    }

    /** The demo's controls over the simulated sinks, when this store delivers to any (demo mode). */
    public Optional<SimulatedSinks> simulatedSinks() {
        return sinks.simulated().filter(s -> !s.names().isEmpty());
    }

    @Override
    public void close() {
        close(true);
    }

    /**
     * Closes as a crash would leave the store: the engine without a checkpoint (so the next open
     * replays the log), then the sinks. Every acknowledged change is already durable; this is the
     * trainer's crash event, which must end in a real replay.
     */
    public void closeWithoutCheckpoint() {
        close(false);
    }

    private void close(boolean withCheckpoint) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (firstRows != null) {
            firstRows.close();
        }
        try {
            if (withCheckpoint) {
                engine.close();
            } else {
                engine.closeWithoutCheckpoint();
            }
        } finally {
            sinks.close();
        }
    }
}
