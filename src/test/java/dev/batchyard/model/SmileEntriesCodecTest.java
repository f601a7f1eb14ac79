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
        for (LogEntry e : SampleEntries.oddShapes()) {
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
