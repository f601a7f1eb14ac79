package dev.batchyard.engine;

import dev.batchyard.engine.store.CutCounts;
import dev.batchyard.engine.store.LossKind;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/** What a power-loss campaign did, for its closing line. Not thread-safe (one campaign thread). */
final class CampaignTally {
    final Map<LossKind, Integer> cuts = new EnumMap<>(LossKind.class);
    int cutsDuringOpen;
    int cutsDuringWorkload;
    long changesInWorkloads;
    int workloads;
    int cutsThatLostSomething;
    long acknowledgedChecked;
    int damageReports;
    long pagesLost;
    long pagesTorn;
    long namesLost;

    void cut(LossKind kind, CutCounts counts, boolean duringOpen) {
        cuts.merge(kind, 1, Integer::sum);
        cutsDuringOpen += duringOpen ? 1 : 0;
        cutsThatLostSomething += counts.lostAnything() ? 1 : 0;
        pagesLost += counts.pagesLost();
        pagesTorn += counts.pagesTorn();
        namesLost += counts.namesLost();
    }

    /** A round's workload ended: by the cut ({@code cut}), or whole, having made {@code changes} changes. */
    void roundEnded(boolean cut, long changes) {
        cutsDuringWorkload += cut ? 1 : 0;
        if (!cut) {
            changesInWorkloads += changes;
            workloads++;
        }
    }

    int totalCuts() {
        return cuts.values().stream().mapToInt(Integer::intValue).sum();
    }

    @Override
    public String toString() {
        return totalCuts() + " cuts (" + cuts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")) + "; " + cutsDuringOpen + " during an open, " + cutsDuringWorkload + " during the workload, "
                + cutsThatLostSomething + " lost something: " + pagesLost + " pages lost, " + pagesTorn + " torn, "
                + namesLost + " names lost), " + acknowledgedChecked + " acknowledged operations checked, "
                + damageReports + " damage reports checked; a whole workload made "
                + (workloads == 0 ? "?" : changesInWorkloads / workloads) + " changes on average";
    }
}
