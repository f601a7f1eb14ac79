package dev.batchyard.app;

import dev.batchyard.console.Access;
import dev.batchyard.console.Console;
import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.EngineOptions;
import dev.batchyard.engine.PersistenceConfig;
import dev.batchyard.model.Actor;
import dev.batchyard.model.LogEntry;
import dev.batchyard.runtime.EmbeddedConsole;
import dev.batchyard.runtime.SinkLayer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A real engine on a test directory, with the sinks {@code loki}, {@code elasticsearch} and
 * {@code archive} configured (and held, see {@link FileDelivery}), and consoles over it as the
 * runtime makes them; closing it closes them and the engine.
 */
public final class TestStore implements AutoCloseable {
    public static final String[] SINKS = {"loki", "elasticsearch", "archive"};

    public final Path directory;
    public final FileDelivery delivery;
    public final BatchPersistence engine;
    private final List<Console> consoles = new ArrayList<>();

    private TestStore(Path directory, FileDelivery delivery, BatchPersistence engine) {
        this.directory = directory;
        this.delivery = delivery;
        this.engine = engine;
    }

    public static TestStore open(Path dir) {
        return open(dir, false);
    }

    public static TestStore open(Path dir, boolean readOnly) {
        Path store = dir.resolve("store");
        FileDelivery delivery = new FileDelivery(dir.resolve("delivered"), SINKS);
        PersistenceConfig defaults = PersistenceConfig.defaults(store);
        PersistenceConfig config = new PersistenceConfig(true, store, 100_000, defaults.batchTimeout(), 10,
                Duration.ofMinutes(5), Duration.ofMinutes(30), defaults.cleanupInterval(), defaults.batchTtl());
        BatchPersistence engine = BatchPersistence.open(config, delivery, Clock.systemDefaultZone(),
                EngineOptions.defaults().withReadOnly(readOnly).withRecoveryTick(Duration.ofMillis(50)));
        return new TestStore(dir, delivery, engine);
    }

    /** Persists a batch of {@code entries} entries, failed {@code failures} times with {@code reason}. */
    public BatchView add(String id, String sink, int entries, int failures, String reason) {
        List<LogEntry> list = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now();
        for (int i = 0; i < entries; i++) {
            list.add(LogEntry.builder().timestamp(now).processedAt(now).message("entry " + i + " of " + id)
                    .level(i % 5 == 0 ? "error" : "info").sourceType("docker").sourceId("api-1").build());
        }
        BatchView view = engine.persistBatch(id, list, sink);
        for (int i = 0; i < failures; i++) {
            view = engine.markBatchFailed(id, reason);
        }
        return view;
    }

    /** A console over this store acting as {@code actor}, as the runtime's {@code OpenStore} makes one. */
    public synchronized Console console(Actor actor) {
        Access access = engine.isReadOnly() ? new Access.ReadOnlyByChoice() : new Access.Writable();
        Console console = new EmbeddedConsole(engine, SinkLayer.fixed(delivery, List.of(SINKS)), actor, access);
        consoles.add(console);
        return console;
    }

    public Optional<BatchView> find(String id) {
        return engine.find(id);
    }

    /** Waits (up to 5 s) for a batch to leave the store: deliveries finish on the engine's threads. */
    public boolean awaitGone(String id) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (engine.find(id).isEmpty()) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    @Override
    public synchronized void close() {
        consoles.forEach(Console::close);
        engine.close();
    }
}
