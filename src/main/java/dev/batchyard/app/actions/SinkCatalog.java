package dev.batchyard.app.actions;

import dev.batchyard.engine.Delivery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The sinks an operator can choose from: the configured ones plus any a stored batch names, each
 * with the delivery layer's health. A sink the delivery layer does not know is listed (the
 * operator sees why) but cannot be chosen; the engine refuses it too. Reads {@link Delivery#health}
 * only, which changes nothing (never a circuit breaker's probe lease), so the status bar may poll
 * it every second from any thread.
 */
public final class SinkCatalog {
    private final Delivery delivery;
    private final Collection<String> configured;
    private final Supplier<Collection<String>> seenInStore;

    public SinkCatalog(Delivery delivery, Collection<String> configured, Supplier<Collection<String>> seenInStore) {
        this.delivery = delivery;
        this.configured = List.copyOf(configured);
        this.seenInStore = seenInStore;
    }

    /** Every known sink, by name. Reads the store's sink names too: use off the UI thread. */
    public List<SinkChoice> choices() {
        TreeSet<String> names = new TreeSet<>(configured);
        names.addAll(seenInStore.get());
        List<SinkChoice> out = new ArrayList<>(names.size());
        for (String name : names) {
            out.add(new SinkChoice(name, health(name)));
        }
        return out;
    }

    public SinkHealth health(String sink) {
        return SinkHealth.of(delivery.health(sink));
    }

    /** Whether a reroute to {@code sink} can be asked for at all. */
    public boolean accepts(String sink) {
        return sink != null && delivery.health(sink).configured();
    }
}
