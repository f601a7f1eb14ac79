package dev.batchyard.engine.store;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Takes the picture of a {@link PowerCutDisk} at the instant its power is cut: every directory's
 * durable names plus the pending name changes the {@link LossKind} keeps (in the order they were
 * made), and every surviving file's durable content plus the unsynced pages it keeps
 * ({@link SimulatedFile#survivor}).
 */
final class PowerCut {
    private final LossKind kind;
    private final Random random;
    private final CutCounts counts = new CutCounts();
    private final Map<SimulatedDirectory, Map<String, SimulatedNode>> names = new IdentityHashMap<>();
    private final Map<SimulatedFile, SimulatedFile> survivors = new IdentityHashMap<>();

    private PowerCut(LossKind kind, Random random) {
        this.kind = kind;
        this.random = random;
    }

    static DiskImage take(SimulatedDirectory root, List<NameChange> pending, Set<Path> lostBefore, LossKind kind,
                          Random random) {
        PowerCut cut = new PowerCut(kind, random);
        int keep = switch (kind) {
            case ALL -> 0;
            case PREFIX, TORN -> random.nextInt(pending.size() + 1);
            case REORDER -> -1;
            case RENAME_WITHOUT_DATA -> pending.size();
        };
        for (int i = 0; i < pending.size(); i++) {
            if (kind == LossKind.REORDER ? random.nextBoolean() : i < keep) {
                pending.get(i).applyTo(cut::namesOf);
                cut.counts.namesKept++;
            } else {
                cut.counts.namesLost++;
            }
        }
        SimulatedDirectory survived = cut.survivor(root);
        Set<Path> lost = new HashSet<>();
        Path top = Path.of("/");
        collectLost(root, survived, top, lost);
        for (Path p : lostBefore) {
            if (survived.find(p) == null) {
                lost.add(p);
            }
        }
        return new DiskImage(survived, lost, kind, cut.counts);
    }

    private Map<String, SimulatedNode> namesOf(SimulatedDirectory dir) {
        return names.computeIfAbsent(dir, d -> new TreeMap<>(d.durable));
    }

    private SimulatedDirectory survivor(SimulatedDirectory dir) {
        SimulatedDirectory out = new SimulatedDirectory();
        namesOf(dir).forEach((name, node) -> out.add(name, node instanceof SimulatedFile f
                ? survivors.computeIfAbsent(f, x -> x.survivor(kind, random, counts))
                : survivor((SimulatedDirectory) node)));
        return out;
    }

    /** Paths the process saw that the cut took away. */
    private static void collectLost(SimulatedDirectory live, SimulatedDirectory survived, Path at, Set<Path> lost) {
        live.live.forEach((name, node) -> {
            Path path = at.resolve(name);
            SimulatedNode kept = survived == null ? null : survived.live.get(name);
            if (kept == null) {
                lost.add(path);
            }
            if (node instanceof SimulatedDirectory dir) {
                collectLost(dir, kept instanceof SimulatedDirectory d ? d : null, path, lost);
            }
        });
    }
}
