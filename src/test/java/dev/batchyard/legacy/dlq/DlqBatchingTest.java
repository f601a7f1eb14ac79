package dev.batchyard.legacy.dlq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.BatchIds;
import dev.batchyard.model.EntryFailure;
import dev.batchyard.model.LogEntry;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class DlqBatchingTest {
    private static final OffsetDateTime T = OffsetDateTime.of(2026, 12, 1, 17, 40, 12, 0, ZoneOffset.ofHours(-3));
    private final List<DlqBatch> batches = new ArrayList<>();
    private final List<DamagedLine> duplicates = new ArrayList<>();

    private DlqBatching batching(int maxEntries, long maxBytes, Predicate<String> stored) {
        return new DlqBatching(maxEntries, maxBytes, stored, batches::add, duplicates::add);
    }

    private static DeadLetter letter(long line, String sink, String entryId, int bytes) {
        EntryFailure f = EntryFailure.builder().at(T.plusSeconds(line)).sink(sink).errorType("send_error")
                .message("failed").entryId(entryId).build();
        return new DeadLetter(Path.of("dlq_20261201_174012.log"), line, LogEntry.builder().message("m" + line).build(), f,
                bytes);
    }

    private static List<String> ids(DlqBatch b) {
        return b.letters().stream().map(DeadLetter::entryId).toList();
    }

    @Test
    void groupsPerFailedSinkInFileOrderAtMostNEntries() {
        DlqBatching inTest = batching(2, Long.MAX_VALUE, id -> false);
        String[] sinks = {"loki", "kafka_sink", "loki", "loki", "kafka_sink", "loki", "loki"};
        for (int i = 0; i < sinks.length; i++) {
            inTest.add(letter(i + 1, sinks[i], sinks[i] + "_" + i, 100));
        }
        inTest.finish();
        // a batch goes as soon as it is full; the open ones at the end
        assertEquals(List.of("loki", "kafka_sink", "loki", "loki"), batches.stream().map(DlqBatch::sink).toList());
        assertEquals(List.of(List.of("loki_0", "loki_2"), List.of("kafka_sink_1", "kafka_sink_4"),
                List.of("loki_3", "loki_5"), List.of("loki_6")), batches.stream().map(DlqBatchingTest::ids).toList());
    }

    @Test
    void aBatchIsClosedBeforeItsLinesWouldPassTheByteLimit() {
        DlqBatching inTest = batching(100, 250, id -> false);
        for (int i = 0; i < 5; i++) {
            inTest.add(letter(i + 1, "loki", "e" + i, 100));
        }
        inTest.add(letter(6, "loki", "huge", 1000)); // alone over the limit: a batch of its own
        inTest.finish();
        assertEquals(List.of(List.of("e0", "e1"), List.of("e2", "e3"), List.of("e4"), List.of("huge")),
                batches.stream().map(DlqBatchingTest::ids).toList());
    }

    @Test
    void theSameEntriesGetTheSameValidBatchIdEveryTime() {
        String a = DlqBatching.idFor("loki", List.of("loki_1_a", "loki_2_b"));
        assertEquals(a, DlqBatching.idFor("loki", List.of("loki_1_a", "loki_2_b")));
        assertEquals(null, BatchIds.problem(a));
        assertTrue(a.matches("dlq-[0-9a-f]{32}"), a);
        assertNotEquals(a, DlqBatching.idFor("loki", List.of("loki_2_b", "loki_1_a")));
        assertNotEquals(a, DlqBatching.idFor("kafka", List.of("loki_1_a", "loki_2_b")));
        assertNotEquals(DlqBatching.idFor("s", List.of("a\nb")), DlqBatching.idFor("s", List.of("a", "b")));
        assertNotEquals(DlqBatching.idFor("s\n", List.of("a")), DlqBatching.idFor("s", List.of("\na")));
    }

    @Test
    void anEntryIdAlreadyStoredOrSeenIsADuplicateNamingItsLine() {
        DlqBatching inTest = batching(100, Long.MAX_VALUE, Set.of("stored")::contains);
        inTest.add(letter(1, "loki", "stored", 10));
        inTest.add(letter(2, "loki", "new", 10));
        inTest.add(letter(3, "kafka", "new", 10));
        inTest.finish();
        assertEquals(List.of(List.of("new")), batches.stream().map(DlqBatchingTest::ids).toList());
        assertEquals(List.of("dlq_20261201_174012.log:1: duplicate entry id: entry 'stored' is already stored",
                "dlq_20261201_174012.log:3: duplicate entry id: entry 'new' came earlier in the directory"),
                duplicates.stream().map(DamagedLine::describe).toList());
    }

    @Test
    void finishingTwiceHandsNothingTwice() {
        DlqBatching inTest = batching(100, Long.MAX_VALUE, id -> false);
        inTest.add(letter(1, "loki", "a", 10));
        inTest.finish();
        inTest.finish();
        assertEquals(1, batches.size());
    }
}
