package dev.batchyard.engine.store;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A name created, deleted or renamed on a {@link PowerCutDisk} and not yet durable: it waits for a
 * sync of each directory it touches (both, for a rename across directories, which is atomic: kept
 * or lost as a whole). Applied by node identity, so a change that lands late cannot remove a newer
 * file that took the same name.
 */
final class NameChange {
    private final SimulatedDirectory from;
    private final String fromName;
    private final SimulatedDirectory to;
    private final String toName;
    private final SimulatedNode node;
    private final Set<SimulatedDirectory> waiting = Collections.newSetFromMap(new IdentityHashMap<>());

    private NameChange(SimulatedDirectory from, String fromName, SimulatedDirectory to, String toName,
                       SimulatedNode node) {
        this.from = from;
        this.fromName = fromName;
        this.to = to;
        this.toName = toName;
        this.node = node;
        if (from != null) {
            waiting.add(from);
        }
        if (to != null) {
            waiting.add(to);
        }
    }

    static NameChange created(SimulatedDirectory dir, String name, SimulatedNode node) {
        return new NameChange(null, null, dir, name, node);
    }

    static NameChange deleted(SimulatedDirectory dir, String name, SimulatedNode node) {
        return new NameChange(dir, name, null, null, node);
    }

    static NameChange renamed(SimulatedDirectory from, String fromName, SimulatedDirectory to, String toName,
                              SimulatedNode node) {
        return new NameChange(from, fromName, to, toName, node);
    }

    /** {@code dir} was synced; true when that was the last sync this change waited for (it is durable now). */
    boolean synced(SimulatedDirectory dir) {
        return waiting.remove(dir) && waiting.isEmpty();
    }

    boolean touches(SimulatedDirectory dir) {
        return waiting.contains(dir);
    }

    /** Applies the change to the name maps {@code names} gives for each directory. */
    void applyTo(Function<SimulatedDirectory, Map<String, SimulatedNode>> names) {
        if (from != null) {
            names.apply(from).remove(fromName, node);
        }
        if (to != null) {
            names.apply(to).put(toName, node);
        }
    }
}
