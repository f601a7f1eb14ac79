package dev.batchyard.serve;

import dev.batchyard.console.Console;
import dev.batchyard.model.Actor;
import dev.batchyard.runtime.OpenStore;
import dev.batchyard.serve.auth.Caller;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One console per caller the service knows: each configured token's name (so the audit trail
 * names the token that acted), {@link Caller#ANONYMOUS} when no token is configured, and the
 * service's own (actor {@value #SERVICE_ACTOR}, which only subscribes to events and never acts).
 * Made once at start, since the tokens are fixed while the service runs; closed with the service.
 * Thread-safe (the consoles are).
 */
final class CallerConsoles implements AutoCloseable {
    static final String SERVICE_ACTOR = "serve";

    private final Map<String, Console> byName;
    private final Console service;

    CallerConsoles(OpenStore store, Collection<String> callerNames) {
        this(name -> store.console(new Actor(name)), callerNames);
    }

    CallerConsoles(Function<String, Console> open, Collection<String> callerNames) {
        Map<String, Console> consoles = new LinkedHashMap<>();
        for (String name : callerNames) {
            consoles.computeIfAbsent(name, open);
        }
        consoles.computeIfAbsent(Caller.ANONYMOUS.name(), open);
        this.byName = Map.copyOf(consoles);
        this.service = open.apply(SERVICE_ACTOR);
    }

    /** The console acting as {@code caller}. */
    Console of(Caller caller) {
        Console console = byName.get(caller.name());
        if (console == null) {
            throw new IllegalStateException("no console for the caller '" + caller.name() + "'");
        }
        return console;
    }

    /** The service's own console: for its event subscriptions, never for a change. */
    Console service() {
        return service;
    }

    @Override
    public void close() {
        byName.values().forEach(Console::close);
        service.close();
    }
}
