package dev.batchyard.app;

import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.engine.Delivery;
import dev.batchyard.engine.PersistenceConfig;
import dev.batchyard.model.LogEntry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Child process of {@link HostileSecondWindowTest}: the first app on a store. Opens it for changes,
 * says {@code READY}, then persists batch after batch (printing {@code P <id>} once each returned)
 * until a line arrives on stdin; then closes the store and says {@code CLOSED}.
 */
public final class WritingHolder {
    public static void main(String[] args) throws Exception {
        BatchPersistence engine = BatchPersistence.open(PersistenceConfig.defaults(Path.of(args[0])),
                Delivery.none(), Clock.systemUTC());
        System.out.println("READY");
        System.out.flush();
        Thread writer = new Thread(() -> {
            for (int i = 0; !Thread.currentThread().isInterrupted(); i++) {
                String id = "held-" + i;
                engine.persistBatch(id, entries(id, 1 + i % 7), "loki");
                synchronized (System.out) {
                    System.out.println("P " + id);
                    System.out.flush();
                }
            }
        });
        writer.start();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        writer.interrupt();
        writer.join();
        engine.close();
        System.out.println("CLOSED");
        System.out.flush();
    }

    private static List<LogEntry> entries(String id, int count) {
        List<LogEntry> out = new ArrayList<>();
        OffsetDateTime t = OffsetDateTime.parse("2026-11-26T18:00:00Z");
        for (int i = 0; i < count; i++) {
            out.add(LogEntry.builder().timestamp(t).processedAt(t).message(id + " entry " + i).level("info").build());
        }
        return out;
    }
}
