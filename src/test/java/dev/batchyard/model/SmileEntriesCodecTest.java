package dev.batchyard.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class SmileEntriesCodecTest {
    private final SmileEntriesCodec inTest = new SmileEntriesCodec();

    /** Entries no Go file would hold but a builder can make: every one must come back equal. */
    private static List<LogEntry> oddShapes() {
        GoJson go = new GoJson();
        String nonGo = "{\"span_id\":null,\"parent_span_id\":\"\",\"timestamp\":\"2026-11-26T18:11:12.500+00:00\","
                + "\"duration\":0,\"processed_at\":null,\"tags\":[],\"metrics\":{},\"slos\":null,"
                + "\"processing_steps\":[{\"name\":\"x\",\"success\":null},null]}";
        OffsetDateTime t = OffsetDateTime.of(2026, 11, 26, 15, 11, 12, 999_999_999, ZoneOffset.ofHoursMinutes(-3, -30));
        List<LogEntry> out = new ArrayList<>();
        out.add(SampleEntries.full());
        out.add(LogEntry.builder().build());
        out.add(LogEntry.builder().traceId(null).message(null).tags(List.of()).labels(Map.of()).fields(Map.of())
                .processingSteps(List.of()).metrics(Map.of()).build());
        out.add(go.read(nonGo.getBytes(StandardCharsets.UTF_8)));
        out.add(LogEntry.builder().timestamp(t).processedAt(t.minusYears(300)).build());
        out.add(LogEntry.builder().timestamp(t).processedAt(t.withOffsetSameInstant(ZoneOffset.UTC)).build());
        out.add(LogEntry.builder().processedAt(t).fields(Map.of("nan", Double.NaN, "f", 0.1f, "i", 7,
                "neg0", -0.0)).metrics(Map.of("inf", Double.POSITIVE_INFINITY)).build());
        out.add(LogEntry.builder().message("x".repeat(1 << 20)).build());
        out.add(LogEntry.builder().message("cut \uD83D").tags(List.of("\uDE00 x")).labels(Map.of("k", "\uD800"))
                .fields(Map.of("s", List.of("a\uDBFFb"))).build());
        return out;
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void decodesARealisticBatchToEqualEntries(Compression compression) {
        SmileEntriesCodec codec = new SmileEntriesCodec(compression);
        List<LogEntry> batch = SampleEntries.realistic(11, 100);
        assertTrue(batch.equals(codec.decode(codec.encode(batch))));
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void decodesEveryOddShapeToAnEqualEntry(Compression compression) {
        SmileEntriesCodec codec = new SmileEntriesCodec(compression);
        for (LogEntry e : oddShapes()) {
            assertEquals(e, codec.decode(codec.encode(List.of(e))).get(0));
        }
    }

    @Test
    void decodesAnEmptyBatch() {
        assertEquals(List.of(), inTest.decode(inTest.encode(List.of())));
    }

    @Test
    void decodesAnyCodecsOutputWhateverItsOwnCompression() {
        List<LogEntry> batch = SampleEntries.realistic(5, 10);
        assertEquals(batch, inTest.decode(new SmileEntriesCodec(Compression.DEFLATE).encode(batch)));
    }

    @Test
    void startsWithTheFormatVersionAndCompression() {
        byte[] bytes = new SmileEntriesCodec(Compression.DEFLATE).encode(List.of());
        assertEquals(1, bytes[0]);
        assertEquals(Compression.DEFLATE.id(), bytes[1]);
    }

    @Test
    void isAtMostAThirdOfGoPrettyJsonForARealisticBatch() {
        List<LogEntry> batch = SampleEntries.realistic(13, 100);
        int go = new GoJson().writeAll(batch, true).length;
        int smile = inTest.encode(batch).length;
        assertTrue(smile <= 0.3 * go, smile + " bytes against " + go + " as Go JSON");
    }

    @Test
    void rejectsAnUnknownFormatVersion() {
        byte[] bytes = inTest.encode(List.of());
        bytes[0] = 9;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> inTest.decode(bytes));
        assertTrue(e.getMessage().contains("version 9"), e.getMessage());
    }

    @Test
    void rejectsAnUnknownCompression() {
        byte[] bytes = inTest.encode(List.of());
        bytes[1] = 7;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> inTest.decode(bytes));
        assertTrue(e.getMessage().contains("compression 7"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void rejectsEveryCutShortEncoding(Compression compression) {
        SmileEntriesCodec codec = new SmileEntriesCodec(compression);
        byte[] bytes = codec.encode(SampleEntries.realistic(3, 3));
        for (int len = 0; len < bytes.length; len++) {
            byte[] cut = Arrays.copyOf(bytes, len);
            assertThrows(IllegalArgumentException.class, () -> codec.decode(cut), "cut at " + len);
        }
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void corruptBytesFailOnlyWithIllegalArgumentException(Compression compression) {
        SmileEntriesCodec codec = new SmileEntriesCodec(compression);
        byte[] good = codec.encode(SampleEntries.realistic(3, 5));
        Random r = new Random(42);
        for (int i = 0; i < 2000; i++) {
            byte[] bad = good.clone();
            int at = 2 + r.nextInt(bad.length - 2);
            bad[at] = (byte) r.nextInt(256);
            try {
                codec.decode(bad);
            } catch (IllegalArgumentException expected) {
                assertTrue(expected.getMessage().startsWith("entries record"), expected.getMessage());
            }
        }
    }
}
