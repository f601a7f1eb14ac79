package dev.batchyard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.model.LogEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts {@link RepairCrashWorkload} in a child JVM, kills it with SIGKILL at a random moment while
 * it splits and merges, reopens the store and checks: every entry is in exactly one batch (never
 * in the old batch and a new one, never in neither), and the batches are those the acknowledged
 * changes made, plus possibly the one under way, whole or not at all. Rounds: system property
 * {@code crash.rounds} (8 by default).
 */
class RepairKillNineTest {
    @TempDir
    Path tmp;

    @Test
    void afterAKillDuringSplitsAndMergesEachBatchIsTheOldOrTheNewNeverBothNeverNeither() throws Exception {
        int rounds = Integer.getInteger("crash.rounds", 8);
        Path store = tmp.resolve("store");
        Random random = new Random(11);
        Set<String> known = null; // the ids the last reopen found
        int acknowledged = 0;
        int underWayApplied = 0;
        for (int round = 0; round < rounds; round++) {
            List<String> lines = KillNineTest.runAndKill(RepairCrashWorkload.class, store, round, 300 + random.nextInt(900));
            Map<String, List<String>> entriesByBatch = reopen(store);
            Set<String> actual = new TreeSet<>(entriesByBatch.keySet());

            List<String> all = entriesByBatch.values().stream().flatMap(List::stream).sorted().toList();
            List<String> expectedEntries = new ArrayList<>();
            for (int b = 0; b < RepairCrashWorkload.BATCHES; b++) {
                for (int e = 0; e < RepairCrashWorkload.ENTRIES; e++) {
                    expectedEntries.add("entry " + b + "/" + e);
                }
            }
            assertEquals(expectedEntries.stream().sorted().toList(), all,
                    "round " + round + ": every entry once, in exactly one batch");

            if (known == null) {
                known = initialIds();
            }
            Set<String> model = new TreeSet<>(known);
            String[] underWay = null;
            for (String line : lines) {
                if (line.startsWith("doing ")) {
                    String[] parts = line.substring(6).split(" -> ");
                    underWay = parts;
                } else if (line.equals("DONE")) {
                    apply(model, underWay);
                    underWay = null;
                    acknowledged++;
                } else if (line.startsWith("REFUSED")) {
                    underWay = null;
                }
            }
            if (!actual.equals(model)) {
                assertTrue(underWay != null, "round " + round + ": the store holds " + actual
                        + " but the acknowledged changes made " + model);
                apply(model, underWay);
                assertEquals(model, actual, "round " + round + ": the change under way, whole: " + Arrays.toString(underWay));
                underWayApplied++;
            }
            known = actual;
        }
        assertTrue(acknowledged >= rounds, "the workload made progress: " + acknowledged + " acknowledged changes");
        System.out.printf("split/merge kill -9 loop: %d kills, %d acknowledged changes, %d changes under way found whole%n",
                rounds, acknowledged, underWayApplied);
    }

    /**
     * The same for edits ({@link EditCrashWorkload}): after each kill every batch is there once, holding
     * exactly what the acknowledged edits made, or, for the edit under way, its old or its new entries;
     * and the versions kept (discarded, restorable) are exactly one per edit that took effect: the old
     * version is kept when, and only when, the new one is in place.
     */
    @Test
    void afterAKillDuringEditsEachBatchIsTheOldOrTheNewVersionAndTheOldIsKeptExactlyWhenTheNewIsIn() throws Exception {
        int rounds = Integer.getInteger("crash.rounds", 8);
        Path store = tmp.resolve("edits");
        Random random = new Random(13);
        Map<String, String> model = new TreeMap<>();
        for (int b = 0; b < EditCrashWorkload.BATCHES; b++) {
            List<String> messages = new ArrayList<>();
            for (int e = 0; e < EditCrashWorkload.ENTRIES; e++) {
                messages.add("e" + b + "/" + e);
            }
            model.put("b" + b, String.join(",", messages));
        }
        int edits = 0;
        int acknowledged = 0;
        int underWayApplied = 0;
        for (int round = 0; round < rounds; round++) {
            List<String> lines = KillNineTest.runAndKill(EditCrashWorkload.class, store, round, 300 + random.nextInt(900));
            Map<String, String[]> underWay = null;
            for (String line : lines) {
                if (line.startsWith("doing ")) {
                    underWay = new TreeMap<>();
                    for (String part : line.substring(6).split(" ")) {
                        String[] idAndChange = part.split("=", 2);
                        underWay.put(idAndChange[0], idAndChange[1].split(">", -1));
                    }
                } else if (line.equals("DONE")) {
                    underWay.forEach((id, change) -> model.put(id, change[1]));
                    edits += underWay.size();
                    underWay = null;
                    acknowledged++;
                } else if (line.startsWith("REFUSED")) {
                    underWay = null;
                }
            }
            Map<String, String> actual = new TreeMap<>();
            int kept;
            try (BatchPersistence engine = RepairCrashWorkload.open(store)) {
                for (BatchView v : engine.pendingBatches()) {
                    actual.put(v.id(), EditCrashWorkload.fingerprint(engine.batch(v.id()).orElseThrow().entries()));
                }
                kept = (int) engine.discarded().stream().filter(d -> !d.versionOf().isEmpty()).count();
            }
            assertEquals(model.keySet(), actual.keySet(), "round " + round + ": every batch, once, under its id");
            if (!actual.equals(model)) {
                assertTrue(underWay != null, "round " + round + ": the store holds " + actual
                        + " but the acknowledged edits made " + model);
                for (Map.Entry<String, String[]> e : underWay.entrySet()) {
                    assertEquals(e.getValue()[0], model.get(e.getKey()), "round " + round + ": read before the edit");
                    model.put(e.getKey(), e.getValue()[1]);
                }
                assertEquals(model, actual, "round " + round + ": the edit under way, whole");
                edits += underWay.size();
                underWayApplied++;
            }
            assertEquals(edits, kept, "round " + round + ": one version kept per edit that took effect");
        }
        assertTrue(acknowledged >= rounds, "the workload made progress: " + acknowledged + " acknowledged edits");
        System.out.printf("edit kill -9 loop: %d kills, %d acknowledged edits, %d edits under way found whole%n",
                rounds, acknowledged, underWayApplied);
    }

    private static Set<String> initialIds() {
        Set<String> ids = new TreeSet<>();
        for (int b = 0; b < RepairCrashWorkload.BATCHES; b++) {
            ids.add("b" + b);
        }
        return ids;
    }

    private static void apply(Set<String> model, String[] change) {
        model.removeAll(Arrays.asList(change[0].split(",")));
        model.addAll(Arrays.asList(change[1].split(",")));
    }

    private static Map<String, List<String>> reopen(Path store) {
        Map<String, List<String>> out = new HashMap<>();
        try (BatchPersistence engine = RepairCrashWorkload.open(store)) {
            for (BatchEvent.CorruptionFound found : engine.damageFoundAtOpen()) {
                assertTrue(found.detail().startsWith("torn write at the end"), "after a kill: " + found);
            }
            for (BatchView v : engine.pendingBatches()) {
                out.put(v.id(), engine.batch(v.id()).orElseThrow().entries().stream().map(LogEntry::message).toList());
            }
        }
        return out;
    }
}
