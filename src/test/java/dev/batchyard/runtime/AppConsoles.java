package dev.batchyard.runtime;

import dev.batchyard.console.Access;
import dev.batchyard.console.Console;
import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.model.Actor;
import java.time.Clock;

/**
 * Consoles over an engine a bench opened itself (to fill it and to change it beside the window), made
 * as {@link OpenStore#console} makes them for the app, so that the window under measure pages as it
 * does for a user.
 */
public final class AppConsoles {
    private AppConsoles() {
    }

    /**
     * A console as the app gets for a writable store: a first page by creation is answered from the kept
     * rows ({@link CreationOrderRows}), not by a pass over every batch at each round of events. Make it
     * before anything else subscribes to {@code engine}'s events; the rows' subscription ends with the engine.
     */
    public static Console asTheAppOpensIt(BatchPersistence engine, SinkLayer sinks, Actor actor, Access access) {
        return new EmbeddedConsole(engine, sinks, actor, access, new CreationOrderRows(engine, Clock.systemUTC()));
    }
}
