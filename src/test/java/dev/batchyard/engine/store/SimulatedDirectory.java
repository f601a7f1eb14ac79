package dev.batchyard.engine.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * One directory of a {@link PowerCutDisk}: the names the process sees, and the names that are
 * durable (as of the last sync of this directory). Not thread-safe: the disk serialises every call.
 */
final class SimulatedDirectory implements SimulatedNode {
    final Map<String, SimulatedNode> live = new TreeMap<>();
    final Map<String, SimulatedNode> durable = new TreeMap<>();

    /** The node at {@code path} (absolute) below this directory as the root, by live names, or null. */
    SimulatedNode find(Path path) {
        SimulatedNode node = this;
        for (Path name : path) {
            if (!(node instanceof SimulatedDirectory dir)) {
                return null;
            }
            node = dir.live.get(name.toString());
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    /** A deep copy in which everything is durable: a disk after a power cut, or a fresh disk from an image. */
    SimulatedDirectory copy() {
        SimulatedDirectory out = new SimulatedDirectory();
        live.forEach((name, node) -> out.add(name, node instanceof SimulatedFile f ? f.copy()
                : ((SimulatedDirectory) node).copy()));
        return out;
    }

    /** Adds a durable entry (building a disk that is all durable). */
    void add(String name, SimulatedNode node) {
        live.put(name, node);
        durable.put(name, node);
    }
}
