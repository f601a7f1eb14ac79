package dev.batchyard.app.actions;

import dev.batchyard.engine.Delivery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The sinks an operator can choose from: the configured ones plus any a stored batch names, each
 * with the delivery layer's gate as its health. A sink the delivery layer does not accept is
 * listed (the operator sees why) but cannot be chosen; the engine refuses it too.
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

    /** Every known sink, by name. Calls the delivery layer: use off the UI thread when it may block. */
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
        return switch (delivery.gate(sink)) {
            case OPEN -> SinkHealth.HEALTHY;
            case HOLD -> SinkHealth.DEGRADED;
            case UNKNOWN -> SinkHealth.UNKNOWN;
        };
    }

    /** Whether a reroute to {@code sink} can be asked for at all. */
    public boolean accepts(String sink) {
        return sink != null && delivery.accepts(sink);
    }
}
