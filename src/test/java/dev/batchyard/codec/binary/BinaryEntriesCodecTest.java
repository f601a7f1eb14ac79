package dev.batchyard.codec.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.codec.Compression;
import dev.batchyard.codec.EntriesCodec;
import dev.batchyard.codec.EntriesCodecContract;
import dev.batchyard.codec.gojson.GoJson;
import dev.batchyard.codec.smile.SmileEntriesCodec;
import dev.batchyard.model.LogEntry;
import dev.batchyard.model.SampleEntries;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The binary codec (format version 2), the store's default. */
class BinaryEntriesCodecTest extends EntriesCodecContract {
    private final BinaryEntriesCodec inTest = new BinaryEntriesCodec();

    @Override
    protected EntriesCodec codec(Compression compression) {
        return new BinaryEntriesCodec(compression);
    }

    @Override
    protected int version() {
        return 2;
    }

    @Test
    void keepsExactNumbersAndTheirTypes() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("big", new BigInteger("-123456789012345678901234567890"));
        fields.put("dec", new BigDecimal("1E+400"));
        fields.put("tiny", new BigDecimal("-0.000000000000000000000000000001"));
        fields.put("min", Long.MIN_VALUE);
        fields.put("max", Long.MAX_VALUE);
        fields.put("neg0", -0.0);
        fields.put("nan", Double.NaN);
        LogEntry e = LogEntry.builder().fields(fields).build();
        LogEntry back = inTest.decode(inTest.encode(List.of(e))).get(0);
        assertEquals(e, back);
        assertEquals(Long.class, back.fields().get("min").getClass());
        assertEquals(BigDecimal.class, back.fields().get("dec").getClass());
    }

    @Test
    void keepsTheOrderOfObjectsOfUnknownShape() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", 1L);
        inner.put("a", 2L);
        Map<String, Object> unknown = new LinkedHashMap<>();
        unknown.put("zz", inner);
        unknown.put("aa", List.of(inner));
        LogEntry back = inTest.decode(inTest.encode(List.of(LogEntry.builder().unknown(unknown).build()))).get(0);
        assertEquals(List.of("zz", "aa"), new ArrayList<>(back.unknown().keySet()));
        @SuppressWarnings("unchecked")
        Map<String, Object> innerBack = (Map<String, Object>) back.unknown().get("zz");
        assertEquals(List.of("z", "a"), new ArrayList<>(innerBack.keySet()));
    }

    @Test
    void keepsMapKeysWithALoneSurrogate() {
        LogEntry e = LogEntry.builder().labels(Map.of("cut\uD83D", "v")).fields(Map.of("\uDE00", 1)).build();
        assertEquals(e, inTest.decode(inTest.encode(List.of(e))).get(0));
    }

    /**
     * ASCII strings are copied straight into the buffer behind a header whose length is worked out first: lengths
     * where the header grows a byte (32 and 4,096 characters), shared and not, and strings that turn out not to be
     * ASCII at their first, middle or last character (é, a lone surrogate) all come back as written.
     */
    @Test
    void writesAsciiAndOtherStringsOfEveryHeaderLength() {
        List<LogEntry> batch = new ArrayList<>();
        for (int n : new int[] {1, 31, 32, 33, 63, 64, 65, 4095, 4096, 4097}) {
            String ascii = "a?".repeat(n).substring(0, n);
            for (String odd : new String[] {"\u00e9", "\uD83D", "\u0141"}) {
                String first = odd + ascii.substring(1);
                String middle = ascii.substring(0, n / 2) + odd + ascii.substring(n / 2 + 1);
                String last = ascii.substring(0, n - 1) + odd;
                for (String s : List.of(ascii, first, middle, last)) {
                    // twice: the second of a shareable string is a reference to the first
                    batch.add(LogEntry.builder().message(s).level(s).labels(Map.of(s, s)).build());
                    batch.add(LogEntry.builder().message(s).level(s).labels(Map.of(s, s)).build());
                }
            }
        }
        assertEquals(batch, inTest.decode(inTest.encode(batch)));
    }

    @Test
    void sharesRepeatedStringsAndStillDecodesPastTheTableLimit() {
        List<LogEntry> batch = new ArrayList<>();
        for (int i = 0; i < SharedStrings.MAX_STRINGS + 500; i++) {
            batch.add(LogEntry.builder().level("info").sourceId("source-" + i).labels(Map.of("service", "s" + (i % 7)))
                    .build());
        }
        assertEquals(batch, inTest.decode(inTest.encode(batch)));
    }

    @Test
    void findsAQuestionMarkAtEveryPositionOfEveryLength() {
        for (int length = 0; length <= 40; length++) {
            byte[] none = new byte[length];
            for (int i = 0; i < length; i++) {
                none[i] = (byte) (i % 3 == 0 ? '>' : i % 3 == 1 ? '@' : 0xBF); // neighbours of '?' (0x3F)
            }
            assertTrue(!EntryBytesOut.holdsQuestionMark(none), "length " + length);
            for (int at = 0; at < length; at++) {
                byte[] one = none.clone();
                one[at] = '?';
                assertTrue(EntryBytesOut.holdsQuestionMark(one), "length " + length + ", at " + at);
            }
        }
    }

    /**
     * A thread's sink is reused batch after batch: what it writes must never depend on the batch
     * before (shared strings, a buffer grown by a large batch, a batch whose encoding failed half-way).
     */
    @Test
    void eachBatchIsWrittenAsByAFreshCodecWhateverTheThreadWroteBefore() {
        List<LogEntry> large = new ArrayList<>();
        for (int i = 0; i < SharedStrings.MAX_STRINGS + 500; i++) {
            large.add(LogEntry.builder().level("info").sourceId("source-" + i).message("m".repeat(40) + i)
                    .labels(Map.of("service", "s" + (i % 7))).build());
        }
        List<LogEntry> realistic = SampleEntries.realistic(21, 100);
        Object deep = 1L;
        for (int i = 0; i < EntryBits.MAX_DEPTH + 1; i++) {
            deep = List.of(deep);
        }
        List<LogEntry> failing = new ArrayList<>(SampleEntries.realistic(22, 50));
        failing.add(LogEntry.builder().fields(Map.of("deep", deep)).build());

        byte[] first = inTest.encode(realistic);
        assertTrue(inTest.encode(large).length > EntryBytesOut.KEPT_CAPACITY, "the large batch must outgrow the kept buffer");
        byte[] afterLarge = inTest.encode(realistic);
        assertThrows(IllegalArgumentException.class, () -> inTest.encode(failing));
        byte[] afterFailure = inTest.encode(realistic);
        byte[] fresh = new BinaryEntriesCodec().encode(realistic);

        assertTrue(Arrays.equals(fresh, first));
        assertTrue(Arrays.equals(fresh, afterLarge));
        assertTrue(Arrays.equals(fresh, afterFailure));
        assertEquals(realistic, inTest.decode(afterFailure));
        assertEquals(large, inTest.decode(inTest.encode(large)));
    }

    @Test
    void threadsEncodingAtOnceEachGetTheirOwnBatchBack() throws Exception {
        List<List<LogEntry>> batches = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            batches.add(SampleEntries.realistic(100 + t, 40 + 10 * t));
        }
        List<byte[]> expected = batches.stream().map(b -> new BinaryEntriesCodec().encode(b)).toList();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < batches.size(); t++) {
            int mine = t;
            threads.add(new Thread(() -> {
                try {
                    for (int round = 0; round < 200; round++) {
                        int which = (mine + round) % batches.size();
                        byte[] bytes = inTest.encode(batches.get(which));
                        if (!Arrays.equals(expected.get(which), bytes)) {
                            throw new AssertionError("thread " + mine + ", round " + round + ": batch " + which
                                    + " encoded differently");
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        assertTrue(failures.isEmpty(), failures.toString());
    }

    /**
     * A processing time is written relative to the timestamp only under 10^9 seconds from it (its
     * nanoseconds must fit a long); the writer decides most entries by their years alone, so the
     * edge is checked on both sides, forwards and backwards.
     */
    @Test
    void writesAProcessingTimeRelativeOnlyUnderAThousandMillionSecondsFromTheTimestamp() {
        OffsetDateTime t = OffsetDateTime.of(1990, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        Map<OffsetDateTime, Boolean> relative = new LinkedHashMap<>();
        relative.put(OffsetDateTime.of(2020, 12, 31, 23, 59, 59, 999_999_999, ZoneOffset.UTC), true);
        relative.put(t.plusSeconds(999_999_999).plusNanos(999_999_999), true);
        relative.put(t.plusSeconds(1_000_000_000), false);
        relative.put(t.minusSeconds(999_999_999), true);
        relative.put(t.minusSeconds(1_000_000_000), false);
        relative.put(OffsetDateTime.of(1959, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), true);
        relative.put(t.plusYears(300), false);
        relative.forEach((processedAt, expected) -> {
            LogEntry e = LogEntry.builder().timestamp(t).processedAt(processedAt).build();
            byte[] bytes = inTest.encode(List.of(e));
            EntryBytesIn in = new EntryBytesIn(bytes, 2);
            assertEquals(1, in.varint());
            long bits = in.varint();
            assertEquals(expected, (bits & EntryBits.PROCESSED_AFTER) != 0, "relative for " + processedAt);
            assertEquals(expected, (bits & EntryBits.PROCESSED_AT) == 0, "absolute for " + processedAt);
            assertEquals(List.of(e), inTest.decode(bytes), "processed at " + processedAt);
        });
    }

    @Test
    void refusesToEncodeAValueNestedDeeperThanItCanRead() {
        Object deep = 1L;
        for (int i = 0; i < EntryBits.MAX_DEPTH + 1; i++) {
            deep = List.of(deep);
        }
        LogEntry e = LogEntry.builder().fields(Map.of("deep", deep)).build();
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> inTest.encode(List.of(e)));
        assertTrue(thrown.getMessage().contains("deeper than"), thrown.getMessage());
    }

    @Test
    void readsTheSmileRecordsOfOlderStores() {
        List<LogEntry> batch = SampleEntries.realistic(5, 20);
        assertEquals(batch, inTest.decode(new SmileEntriesCodec().encode(batch)));
        assertEquals(batch, inTest.decode(new SmileEntriesCodec(Compression.DEFLATE).encode(batch)));
    }

    @Test
    void isAtMostAFifthOfGoPrettyJsonForARealisticBatch() {
        List<LogEntry> batch = SampleEntries.realistic(13, 100);
        int go = new GoJson().writeAll(batch, true).length;
        int binary = inTest.encode(batch).length;
        assertTrue(binary <= 0.2 * go, binary + " bytes against " + go + " as Go JSON");
    }

    @Test
    void rejectsAnUnknownFormatVersionNamingTheOnesItReads() {
        byte[] bytes = inTest.encode(List.of());
        bytes[0] = 9;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> inTest.decode(bytes));
        assertTrue(e.getMessage().contains("version 9") && e.getMessage().contains("versions 1 and 2"), e.getMessage());
    }

    @Test
    void rejectsTrailingBytes() {
        byte[] good = inTest.encode(SampleEntries.realistic(1, 2));
        byte[] longer = Arrays.copyOf(good, good.length + 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> inTest.decode(longer));
        assertTrue(e.getMessage().contains("after the 2 entries at offset " + good.length), e.getMessage());
    }
}
