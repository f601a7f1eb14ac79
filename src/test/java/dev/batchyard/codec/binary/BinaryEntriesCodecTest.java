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
