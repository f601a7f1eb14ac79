package dev.batchyard.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.ChildJvm;
import dev.batchyard.Launcher;
import dev.batchyard.console.BatchOrder;
import dev.batchyard.console.Console;
import dev.batchyard.engine.BatchQuery;
import dev.batchyard.model.Actor;
import dev.batchyard.model.LogEntry;
import dev.batchyard.runtime.Mode;
import dev.batchyard.runtime.OpenStore;
import dev.batchyard.runtime.StoreLocation;
import dev.batchyard.runtime.StoreOpener;
import dev.batchyard.serve.testsupport.ServeChild;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code batchyard serve} in a child process, under concurrent Loki pushes, killed with SIGKILL at
 * a random moment, several times over the same store: every push answered 2xx is in the store after
 * the restarts. A push answered otherwise, or not answered at all, is not counted either way (it may
 * or may not be there). {@code -Dserve.kill.rounds=N} for more rounds (default 4: 30-60 s on the shared 2-core machine).
 */
class ServeKillNineTest {
    private static final String TOKEN = "operator-token-0123456789abcdef";
    private static final int CLIENTS = 4;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedPushSurvivesKillNineAndRestart() throws Exception {
        int rounds = Integer.getInteger("serve.kill.rounds", 4);
        long seed = Long.getLong("serve.kill.seed", System.nanoTime());
        Random random = new Random(seed);
        Path config = Files.writeString(dir.resolve("config.yaml"), """
                persistence:
                  directory: "%s"
                  max_pending_batches: 1000000
                serve:
                  listen: "127.0.0.1:0"
                  tokens:
                    - { name: shipper, role: operator, token: "%s" }
                """.formatted(dir.resolve("store").toString().replace("\\", "/"), TOKEN));
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger unanswered = new AtomicInteger();
        for (int round = 0; round < rounds; round++) {
            ProcessBuilder builder = ChildJvm.of(List.of("-Xmx256m"), Launcher.class, "serve", "--config",
                    config.toString());
            try (ServeChild child = ServeChild.start(builder.redirectOutput(ProcessBuilder.Redirect.DISCARD),
                    dir.resolve("serve-" + round + ".err"), Duration.ofSeconds(60))) {
                AtomicBoolean killed = new AtomicBoolean();
                List<Thread> clients = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    String prefix = "r" + round + "-c" + c + "-";
                    Thread t = new Thread(() -> push(child, prefix, killed, acknowledged, unanswered), "pusher-" + prefix);
                    t.start();
                    clients.add(t);
                }
                Thread.sleep(300 + random.nextInt(1500));
                killed.set(true);
                child.killNine();
                for (Thread t : clients) {
                    t.join(30_000);
                }
            }
        }

        Set<String> stored = storedMessages(config);
        System.out.printf("ServeKillNineTest: %d rounds, %d pushes acknowledged, %d unanswered, %d lines stored"
                + " (seed %d)%n", rounds, acknowledged.size(), unanswered.get(), stored.size(), seed);
        Set<String> lost = new HashSet<>(acknowledged);
        lost.removeAll(stored);
        assertTrue(acknowledged.size() > rounds, "pushes were acknowledged: " + acknowledged.size());
        assertEquals(Set.of(), lost, "acknowledged pushes lost (seed " + seed + ", " + acknowledged.size()
                + " acknowledged, " + unanswered.get() + " unanswered)");
    }

    /** Pushes one line per request until the server is gone; records the lines answered 204. */
    private static void push(ServeChild child, String prefix, AtomicBoolean killed, Set<String> acknowledged,
                             AtomicInteger unanswered) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        for (int n = 0; ; n++) {
            String line = prefix + n;
            String body = "{\"streams\":[{\"stream\":{\"app\":\"kill\"},\"values\":[[\"1764160000000000000\",\"" + line
                    + "\"]]}]}";
            HttpRequest request = HttpRequest.newBuilder(URI.create(child.url("/loki/api/v1/push")))
                    .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.ofString(body)).build();
            try {
                HttpResponse<Void> answer = http.send(request, HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 204) {
                    acknowledged.add(line);
                }
            } catch (java.io.IOException e) {
                unanswered.incrementAndGet();
                if (killed.get()) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
            if (killed.get() && n > 0 && !child.process().isAlive()) {
                return;
            }
        }
    }

    private static Set<String> storedMessages(Path config) {
        Set<String> messages = new HashSet<>();
        try (OpenStore store = StoreOpener.standard(Clock.systemUTC()).open(new StoreLocation(null, config), Mode.reading());
             Console console = store.console(new Actor("test"))) {
            try (var all = console.each(BatchQuery.all(), BatchOrder.OLDEST_FIRST, 1000)) {
                all.forEach(b -> console.batch(b.id()).orElseThrow().entries().stream().map(LogEntry::message)
                        .forEach(messages::add));
            }
        }
        return messages;
    }
}
