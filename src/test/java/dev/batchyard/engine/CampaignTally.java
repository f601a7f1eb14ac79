package dev.batchyard.engine;

import dev.batchyard.engine.store.CutCounts;
import dev.batchyard.engine.store.LossKind;
import dev.batchyard.engine.events.BatchEvent;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What a power-loss campaign did, for its closing lines. Not thread-safe (one campaign thread). */
final class CampaignTally {
    /** The cuts of one kind of loss, and what they threw away. */
    private static final class PerKind {
        int cuts;
        int lostSomething;
        long pagesLost;
        long pagesTorn;
        long namesLost;

        @Override
        public String toString() {
            return cuts + " cuts, " + lostSomething + " lost something (" + pagesLost + " pages lost, " + pagesTorn
                    + " torn, " + namesLost + " names lost)";
        }
    }

    private final Map<LossKind, PerKind> kinds = new EnumMap<>(LossKind.class);
    int cutsDuringOpen;
    int cutsDuringWorkload;
    long changesInWorkloads;
    int workloads;
    long acknowledgedChecked;
    private final Map<String, Integer> damage = new TreeMap<>();

    void cut(LossKind kind, CutCounts counts, boolean duringOpen) {
        PerKind k = kinds.computeIfAbsent(kind, x -> new PerKind());
        k.cuts++;
        k.lostSomething += counts.lostAnything() ? 1 : 0;
        k.pagesLost += counts.pagesLost();
        k.pagesTorn += counts.pagesTorn();
        k.namesLost += counts.namesLost();
        cutsDuringOpen += duringOpen ? 1 : 0;
    }

    /** A round's workload ended: by the cut ({@code cut}), or whole, having made {@code changes} changes. */
    void roundEnded(boolean cut, long changes) {
        cutsDuringWorkload += cut ? 1 : 0;
        if (!cut) {
            changesInWorkloads += changes;
            workloads++;
        }
    }

    /** Damage reports checked (and found true). */
    void damage(List<BatchEvent.CorruptionFound> reports) {
        reports.forEach(r -> damage.merge(String.valueOf(r.kind()), 1, Integer::sum));
    }

    int totalCuts() {
        return kinds.values().stream().mapToInt(k -> k.cuts).sum();
    }

    @Override
    public String toString() {
        return totalCuts() + " cuts (" + cutsDuringOpen + " during an open, " + cutsDuringWorkload
                + " during the workload, the rest after it), " + acknowledgedChecked
                + " acknowledged operations checked, damage reports checked " + damage + "; a whole workload "
                + "made " + (workloads == 0 ? "?" : changesInWorkloads / workloads) + " changes on average\n"
                + kinds.entrySet().stream().map(e -> "  " + e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("\n"));
    }
}
