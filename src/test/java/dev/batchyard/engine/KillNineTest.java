package dev.batchyard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.batchyard.ChildJvm;
import dev.batchyard.engine.events.BatchEvent;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts {@link CrashWorkload} in a child JVM, kills it with SIGKILL at a random moment, reopens the
 * store and checks it against what the child had acknowledged: every acknowledged batch is there
 * with its last acknowledged retry count, nothing acknowledged as removed comes back, nothing
 * appears that was never persisted. Rounds: system property {@code crash.rounds} (20 in CI).
 */
class KillNineTest {
    @TempDir
    Path tmp;

    /** What the parent knows about one id: whether it must, must not or may exist, and its retries. */
    private static final class Expect {
        String presence = "MAYBE";
        int minRetries;
        int maxRetries;
    }

    @Test
    void reopenAfterKillKeepsEveryAcknowledgedBatchAndNothingElse() throws Exception {
        int rounds = Integer.getInteger("crash.rounds", 20);
        Path store = tmp.resolve("store");
        Random random = new Random(7);
        Map<String, Expect> model = new HashMap<>();
        int acknowledged = 0;
        int tornTails = 0;
        for (int round = 0; round < rounds; round++) {
            if (System.getenv("CRASH_KEEP") != null) {
                dev.batchyard.engine.store.StoreDebug.copy(store, Path.of("/tmp/killfail/before-" + round));
            }
            List<String> lines = runAndKill(CrashWorkload.class, store, round, 200 + random.nextInt(1200));
            if (System.getenv("CRASH_KEEP") != null) {
                dev.batchyard.engine.store.StoreDebug.copy(store, Path.of("/tmp/killfail/after-" + round));
            }
            acknowledged += (int) lines.stream().filter(l -> Character.isUpperCase(l.charAt(0)) && !l.equals("READY")).count();
            apply(model, lines);
            List<BatchEvent.CorruptionFound> damage = new ArrayList<>();
            Map<String, Integer> actual = reopen(store, damage);
            tornTails += damage.size();
            try {
                check(round, model, actual);
            } catch (AssertionError e) {
                if (System.getenv("CRASH_KEEP") != null) {
                    java.nio.file.Files.write(Path.of("/tmp/killfail/lines-" + round + ".txt"), lines);
                }
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("r\\d+-t\\d+-\\d+").matcher(e.getMessage());
                String id = m.find() ? m.group() : "?";
                throw new AssertionError(e.getMessage() + "\nthe child said about " + id + ": "
                        + lines.stream().filter(l -> l.endsWith(" " + id) || l.contains(" " + id + " ")).toList()
                        + "\ndamage found at reopen: " + damage, e);
            }
            model.clear();
            actual.forEach((id, retries) -> {
                Expect e = new Expect();
                e.presence = "YES";
                e.minRetries = retries;
                e.maxRetries = retries;
                model.put(id, e);
            });
        }
        assertTrue(acknowledged > rounds * 10, "the workload made progress: " + acknowledged + " acknowledged operations");
        System.out.printf("kill -9 loop: %d kills, %d acknowledged operations checked, %d torn last writes cut, nothing else%n",
                rounds, acknowledged, tornTails);
    }

    private static void apply(Map<String, Expect> model, List<String> lines) {
        for (String line : lines) {
            String[] parts = line.split(" ");
            if (parts.length < 2) {
                continue;
            }
            Expect e = model.computeIfAbsent(parts[1], id -> new Expect());
            switch (parts[0]) {
                case "p", "s", "d" -> e.presence = "MAYBE";
                case "P" -> e.presence = "YES";
                case "S", "D" -> e.presence = "NO";
                case "f" -> e.maxRetries++;
                case "F" -> {
                    e.minRetries = Integer.parseInt(parts[2]);
                    e.maxRetries = e.minRetries;
                }
                default -> fail("unexpected line from the child: " + line);
            }
        }
    }

    private static void check(int round, Map<String, Expect> model, Map<String, Integer> actual) {
        for (var entry : model.entrySet()) {
            String id = entry.getKey();
            Expect e = entry.getValue();
            if (e.presence.equals("YES")) {
                assertTrue(actual.containsKey(id), "round " + round + ": acknowledged batch " + id + " was lost");
                int retries = actual.get(id);
                assertTrue(retries >= e.minRetries && retries <= e.maxRetries, "round " + round + ": " + id + " has "
                        + retries + " retries, acknowledged " + e.minRetries + (e.maxRetries > e.minRetries ? "+1" : ""));
            } else if (e.presence.equals("NO")) {
                assertTrue(!actual.containsKey(id), "round " + round + ": removed batch " + id + " came back");
            }
        }
        for (String id : actual.keySet()) {
            assertTrue(model.containsKey(id), "round " + round + ": batch " + id + " appeared from nowhere");
        }
    }

    private static Map<String, Integer> reopen(Path store, List<BatchEvent.CorruptionFound> damage) {
        Map<String, Integer> actual = new HashMap<>();
        try (BatchPersistence engine = BatchPersistence.open(PersistenceConfig.defaults(store), Delivery.none(),
                Clock.systemUTC(), EngineOptions.defaults().withReadOnly(false))) {
            damage.addAll(engine.damageFoundAtOpen());
            for (var found : engine.damageFoundAtOpen()) {
                // a kill can tear the last write, and nothing else: any other report is a defect
                assertTrue(found.detail().startsWith("torn write at the end"), "after a kill: " + found);
            }
            for (BatchView v : engine.pendingBatches()) {
                actual.put(v.id(), v.retryCount());
                assertEquals(v.entryCount(), engine.batch(v.id()).orElseThrow().entries().size(), v.id() + " entries readable");
            }
        }
        return actual;
    }

    /**
     * Runs {@code workload}'s main on {@code store} with the round as its seed, waits for its
     * {@code READY}, kills it with SIGKILL {@code killAfterMillis} later, and answers the lines it
     * printed after READY (each whole: a line cut by the kill never arrives).
     */
    static List<String> runAndKill(Class<?> workload, Path store, int round, long killAfterMillis) throws Exception {
        Process child = ChildJvm.of(List.of("-Xmx256m"), workload, store.toString(), Integer.toString(round))
                .start();
        List<String> lines = new CopyOnWriteArrayList<>();
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.equals("READY")) {
                        ready.countDown();
                    } else {
                        lines.add(line);
                    }
                }
            } catch (java.io.IOException ignored) {
                // the pipe breaks when the child is killed
            }
        });
        reader.start();
        assertTrue(ready.await(60, TimeUnit.SECONDS), "child started");
        Thread.sleep(killAfterMillis);
        // SIGKILL through the handle: Process.destroyForcibly() would also close our end of the
        // pipe and drop acknowledgements the child wrote just before it died
        child.toHandle().destroyForcibly();
        child.waitFor(30, TimeUnit.SECONDS);
        reader.join(10_000);
        // a line cut by the kill has no newline and never reached the list
        return new ArrayList<>(lines);
    }
}
