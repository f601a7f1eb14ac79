package dev.batchyard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.ChildJvm;
import dev.batchyard.codec.binary.BinaryEntriesCodec;
import dev.batchyard.engine.store.StoreChangedException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A read-only view beside a live writer: it sees a consistent store as of its open, or says
 * plainly that the writer moved the data ({@link StoreChangedException}); it never reports the
 * writer's work as damage.
 */
class ReadOnlyBesideAWriterTest {
    @TempDir
    Path tmp;

    private EngineFixture compactingStore() {
        EngineFixture fx = new EngineFixture(tmp);
        fx.options = new EngineOptions(Duration.ofMillis(20), 4096, () -> 0.5, new BinaryEntriesCodec(), false,
                Duration.ofMillis(20));
        return fx;
    }

    private BatchPersistence readOnly(EngineFixture fx) {
        return BatchPersistence.open(fx.config, Delivery.none(), fx.clock, fx.options.withReadOnly(true));
    }

    private static boolean exists(Path store, String segment) {
        return Files.exists(store.resolve("segments").resolve(segment));
    }

    @Test
    void aBatchTheWriterCompactedAwaySinceTheViewOpenedIsAStoreChangedAnswerAndAReopenReadsIt() throws Exception {
        EngineFixture fx = compactingStore();
        try (BatchPersistence writer = fx.open()) {
            for (int i = 0; i < 12; i++) {
                writer.persistBatch("c-" + i, Entries.sample("c-" + i, 20), "loki");
            }
            String first = "00000000000000000001.seg";
            try (BatchPersistence inTest = readOnly(fx)) {
                for (int i = 1; i < 12; i++) {
                    writer.markBatchSuccess("c-" + i);
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (exists(fx.config.directory(), first) && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertTrue(!exists(fx.config.directory(), first), "the writer compacted segment 1 away");

                StoreChangedException e = assertThrows(StoreChangedException.class, () -> inTest.batch("c-0"));

                assertTrue(e.getMessage().contains("changed under this read-only view") && e.getMessage().contains("'c-0'")
                        && e.getMessage().contains("open the view again"), e.getMessage());
                assertEquals(fx.config.directory(), e.directory());
            }
            try (BatchPersistence reopened = readOnly(fx)) {
                assertEquals(Entries.sample("c-0", 20), reopened.batch("c-0").orElseThrow().entries());
            }
        }
    }

    @Test
    void readOnlyViewsOpenedAndReadWhileTheWriterCompactsSeeWholeBatchesOrAreToldToReopen() throws Exception {
        EngineFixture fx = compactingStore();
        try (BatchPersistence writer = fx.open()) {
            List<String> kept = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                writer.persistBatch("keep-" + i, Entries.sample("keep-" + i, 20), "loki");
                kept.add("keep-" + i);
            }
            AtomicBoolean stop = new AtomicBoolean();
            AtomicReference<Throwable> writerFailed = new AtomicReference<>();
            Thread churn = new Thread(() -> {
                try {
                    for (int i = 0; !stop.get(); i++) {
                        writer.persistBatch("tmp-" + i, Entries.sample("tmp-" + i, 20), "loki");
                        writer.markBatchSuccess("tmp-" + i);
                    }
                } catch (Throwable t) {
                    writerFailed.set(t);
                }
            });
            churn.start();
            int views = 0;
            int changed = 0;
            int reads = 0;
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
            try {
                while (System.nanoTime() < end) {
                    try (BatchPersistence inTest = readOnly(fx)) {
                        views++;
                        assertEquals(List.of(), inTest.damageFoundAtOpen(), "a view opened beside the writer");
                        for (String id : kept) {
                            assertEquals(Entries.sample(id, 20), inTest.batch(id).orElseThrow().entries(), id);
                            reads++;
                        }
                    } catch (StoreChangedException e) {
                        changed++; // said plainly; another view sees the store as it is now
                    }
                }
            } finally {
                stop.set(true);
                churn.join();
            }
            assertEquals(null, writerFailed.get());
            assertTrue(views > 0 && reads > 0, views + " views, " + reads + " reads, " + changed + " told to reopen");
        }
    }

    @Test
    void aViewBesideAWriterInThisProcessDoesNotTakeTheRecordBeingWrittenForATornOne() throws Exception {
        EngineFixture fx = new EngineFixture(tmp);
        try (BatchPersistence writer = fx.open()) {
            writer.persistBatch("w-1", Entries.sample("w-1", 3), "loki");
            appendHalfARecord(fx.config.directory()); // as the writer's next write looks, half done

            try (BatchPersistence inTest = readOnly(fx)) {
                assertEquals(List.of(), inTest.damage());
                assertTrue(inTest.find("w-1").isPresent());
            }
        }
    }

    @Test
    void aViewBesideAWriterInAnotherProcessDoesNotTakeTheRecordBeingWrittenForATornOne() throws Exception {
        Path store = tmp.resolve("store");
        Process holder = ChildJvm.of(HoldStoreWithABatch.class, store.toString()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream()))) {
            assertEquals("READY", out.readLine());
            appendHalfARecord(store);

            try (BatchPersistence inTest = BatchPersistence.open(PersistenceConfig.defaults(store), Delivery.none(),
                    java.time.Clock.systemUTC(), EngineOptions.defaults().withReadOnly(true))) {
                assertEquals(List.of(), inTest.damage());
                assertTrue(inTest.find("held-1").isPresent());
            }
        } finally {
            holder.destroyForcibly();
            holder.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void withNoWriterAReadOnlyViewStillReportsATornLastWrite() throws Exception {
        EngineFixture fx = new EngineFixture(tmp);
        try (BatchPersistence writer = fx.open()) {
            writer.persistBatch("w-1", Entries.sample("w-1", 3), "loki");
        }
        appendHalfARecord(fx.config.directory());

        try (BatchPersistence inTest = readOnly(fx)) {
            assertEquals(1, inTest.damage().size(), inTest.damage().toString());
            assertTrue(inTest.damage().get(0).detail().startsWith("torn write at the end"), inTest.damage().toString());
        }
    }

    private static void appendHalfARecord(Path store) throws Exception {
        try (Stream<Path> files = Files.list(store.resolve("segments"))) {
            Path newest = files.filter(p -> p.toString().endsWith(".seg")).sorted().reduce((a, b) -> b).orElseThrow();
            Files.write(newest, new byte[] {0, 0, 1, 0, 5, 5, 5, 5, 1, 9, 9}, StandardOpenOption.APPEND);
        }
    }
}
