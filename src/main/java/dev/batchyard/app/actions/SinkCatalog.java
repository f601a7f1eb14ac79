package dev.batchyard.app.actions;

import dev.batchyard.console.SinkView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The sinks an operator can choose from: the configured ones plus any a stored batch names, each
 * with the delivery layer's health. A sink the delivery layer does not know is listed (the
 * operator sees why) but cannot be chosen; the engine refuses it too. Reads the console's sinks
 * only, which changes nothing (never a circuit breaker's probe lease), so the status bar may poll
 * it every second; it may block, so never on the UI thread.
 */
public final class SinkCatalog {
    private final Supplier<List<SinkView>> sinks;
    private final Collection<String> configured;
    private final Supplier<Collection<String>> seenInStore;

    /** @param sinks the console's {@code sinks()} */
    public SinkCatalog(Supplier<List<SinkView>> sinks, Collection<String> configured,
                       Supplier<Collection<String>> seenInStore) {
        this.sinks = sinks;
        this.configured = List.copyOf(configured);
        this.seenInStore = seenInStore;
    }

    /** Every known sink, by name. Reads the store's sink names too: use off the UI thread. */
    public List<SinkChoice> choices() {
        Map<String, SinkHealth> health = health();
        TreeSet<String> names = new TreeSet<>(configured);
        names.addAll(seenInStore.get());
        List<SinkChoice> out = new ArrayList<>(names.size());
        for (String name : names) {
            out.add(new SinkChoice(name, health.getOrDefault(name, SinkHealth.UNKNOWN)));
        }
        return out;
    }

    public SinkHealth health(String sink) {
        return health().getOrDefault(sink, SinkHealth.UNKNOWN);
    }

    /** Whether a reroute to {@code sink} can be asked for at all. */
    public boolean accepts(String sink) {
        return sink != null && health(sink) != SinkHealth.UNKNOWN;
    }

    /** Each sink the console knows, by name; a sink it does not know is {@link SinkHealth#UNKNOWN}. */
    private Map<String, SinkHealth> health() {
        Map<String, SinkHealth> byName = new HashMap<>();
        sinks.get().forEach(s -> byName.put(s.name(), SinkHealth.of(s.health())));
        return byName;
    }
}
